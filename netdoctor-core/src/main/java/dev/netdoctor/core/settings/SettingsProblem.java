package dev.netdoctor.core.settings;

import java.util.Objects;

/**
 * One thing wrong with the settings, located.
 *
 * <p>{@link #toString()} is the message a person reads, in the compiler style
 * {@code source:line:column: Key.Path: message}, e.g.
 * {@code appsettings.json:12:5: Network.Timeout: expected a number of milliseconds, got "abc"}. Line and column
 * are 1-based and present for problems found in a file; for an environment variable or system property they are
 * 0 and the source names the variable. Messages never contain the value of a secret.
 *
 * @param severity an {@link Severity#ERROR} stops loading; a {@link Severity#WARNING} does not
 * @param source the file as given to the loader, {@code environment variable NAME} or {@code system property name}
 * @param line 1-based line in the file, 0 when the source is not a file
 * @param column 1-based column in the file, 0 when the source is not a file
 * @param path the key path ({@code Network.Timeout}, {@code Providers.OpenAI.BaseUrl}); empty for a problem with
 *     the file as a whole (unreadable, syntax error before any key)
 * @param message what is wrong, and what is expected
 * @param code the netdoctor code for the problem ({@code CFG001} base URL, {@code CFG002} CORS origin,
 *     {@code CFG003} certificate checks off, {@code CFG004} invalid settings, {@code CFG005} proxy,
 *     {@code CFG006} weak TLS), so that a diagnosis can report it like any other finding
 * @param cause the cause id within {@code code}, as in the code registry ({@code syntax}, {@code bad-value},
 *     {@code unknown-key}, {@code malformed}, {@code wrong-scheme}, {@code missing}, {@code trailing-slash}, ...)
 */
public record SettingsProblem(Severity severity, String source, int line, int column, String path, String message,
    String code, String cause) {

  /** How bad a problem is. */
  public enum Severity { ERROR, WARNING }

  public SettingsProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(cause, "cause");
  }

  /** A problem filed under {@code CFG004}/{@code bad-value}. */
  public SettingsProblem(Severity severity, String source, int line, int column, String path, String message) {
    this(severity, source, line, column, path, message, "CFG004", "bad-value");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) sb.append(':').append(column);
    }
    sb.append(": ");
    if (!path.isEmpty()) sb.append(path).append(": ");
    if (severity == Severity.WARNING) sb.append("warning: ");
    return sb.append(message).toString();
  }
}
