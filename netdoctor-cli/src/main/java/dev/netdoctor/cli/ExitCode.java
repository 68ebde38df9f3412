package dev.netdoctor.cli;

/** The exit codes every netdoctor command uses; each command's {@code --help} lists them. */
public final class ExitCode {
  /** The command ran and found nothing wrong (or explained what it was asked to). */
  public static final int OK = 0;
  /** The command ran and found problems: failures in a log, text not recognised, lint problems, no hits. */
  public static final int PROBLEMS = 1;
  /** The input was wrong: unknown option or value, missing/unreadable file, empty or binary input. */
  public static final int BAD_INPUT = 2;
  /** netdoctor itself failed; a bug. {@code NETDOCTOR_DEBUG=1} prints the stack trace to stderr. */
  public static final int INTERNAL = 3;

  /** Picocli {@code exitCodeList} entries, shared by every command's {@code --help}. */
  static final String HELP_HEADING = "%nExit codes:%n";

  static final String HELP_OK = " 0:ok";
  static final String HELP_BAD_INPUT =
      " 2:bad input: unknown option or value, missing, unreadable, empty or binary input";
  static final String HELP_INTERNAL = " 3:internal failure (a bug; NETDOCTOR_DEBUG=1 prints details)";

  private ExitCode() {}
}
