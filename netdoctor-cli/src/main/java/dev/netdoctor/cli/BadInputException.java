package dev.netdoctor.cli;

/**
 * The user's input is wrong (a missing file, empty or binary input, an unknown code). Its message is shown as
 * is, on one line, and the command exits with {@link ExitCode#BAD_INPUT}; so the message must name the thing
 * that is wrong (file, line, option) and never contain a secret.
 */
public final class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message, null, false, false);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
