package dev.netdoctor.cli.internal;

import dev.netdoctor.cli.BadInputException;
import dev.netdoctor.cli.CliContext;
import dev.netdoctor.cli.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code, so no user ever sees a stack trace:
 * wrong options and values exit {@link ExitCode#BAD_INPUT} with a pointer to {@code --help};
 * {@link BadInputException} exits {@link ExitCode#BAD_INPUT} with its message; anything else is a bug and exits
 * {@link ExitCode#INTERNAL}, with the trace on stderr only under {@code NETDOCTOR_DEBUG=1}.
 */
public final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private final CliContext context;

  public ErrorHandlers(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("netdoctor: " + Redaction.redact(oneLine(ex.getMessage())));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    cmd.getOut().flush();
    if (ex instanceof BadInputException) {
      err.println("netdoctor: " + Redaction.redact(oneLine(ex.getMessage())));
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    String what = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()));
    err.println("netdoctor: internal error (" + Redaction.redact(what) + "); please report it"
        + (context.debug() ? "" : ", with NETDOCTOR_DEBUG=1 set for the details"));
    if (context.debug()) {
      java.io.StringWriter trace = new java.io.StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      err.print(Redaction.redact(trace.toString()));
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static String oneLine(String message) {
    if (message == null) return "";
    String s = message.strip().replaceAll("\\s*\\R\\s*", " ");
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }
}
