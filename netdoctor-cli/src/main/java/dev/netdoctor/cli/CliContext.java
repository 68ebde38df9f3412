package dev.netdoctor.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may read from the process it runs in, made injectable so tests need no real terminal,
 * environment or standard input.
 *
 * @param env the environment variables ({@code NO_COLOR}, {@code NETDOCTOR_DEBUG})
 * @param stdin standard input, read only by commands given {@code -}
 * @param stdoutIsTerminal whether standard output is an interactive terminal (colour is used only then)
 */
public record CliContext(Map<String, String> env, InputStream stdin, boolean stdoutIsTerminal) {
  public CliContext {
    env = Map.copyOf(env);
    Objects.requireNonNull(stdin, "stdin");
  }

  /** The context of this process. */
  public static CliContext system() {
    return new CliContext(System.getenv(), System.in, System.console() != null);
  }

  /** Whether {@code NETDOCTOR_DEBUG} asks for stack traces of internal failures. */
  public boolean debug() {
    String value = env.get("NETDOCTOR_DEBUG");
    return value != null && !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
  }

  /** Whether the user opted out of colour with {@code NO_COLOR} (any non-empty value, per no-color.org). */
  public boolean noColorRequested() {
    String value = env.get("NO_COLOR");
    return value != null && !value.isEmpty();
  }
}
