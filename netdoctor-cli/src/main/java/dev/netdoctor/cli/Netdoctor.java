package dev.netdoctor.cli;

import dev.netdoctor.cli.internal.ContextFactory;
import dev.netdoctor.cli.internal.ErrorHandlers;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code netdoctor} command: finds why an application cannot reach its AI providers. */
@Command(
    name = "netdoctor",
    mixinStandardHelpOptions = true,
    version = "netdoctor 0.1.0-SNAPSHOT",
    description =
        "Finds why an application cannot reach its AI providers and says what to do. Every failure gets "
            + "one stable code (NET002, AUTH005, ...) with its cause, evidence, fix and guide.",
    subcommands = {ExplainCommand.class, ScanCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {
      ExitCode.HELP_OK,
      " 1:problems found (see each command)",
      ExitCode.HELP_BAD_INPUT,
      ExitCode.HELP_INTERNAL
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor explain \"[Errno 8] nodename nor servname provided, or not known\"",
      "  netdoctor explain NET002",
      "  pbpaste | netdoctor explain -",
      "  netdoctor scan app.log app.log.1.gz",
      "  netdoctor kb search \"proxy 407\"",
      "",
      "Environment: NO_COLOR switches colour off; NETDOCTOR_DEBUG=1 prints stack traces of internal failures.",
      ""
    })
public final class Netdoctor implements Runnable {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * A command line wired for {@code context}: our exit codes, one-line errors instead of stack traces, and help
   * coloured only where output is.
   */
  public static CommandLine newCommandLine(CliContext context) {
    ErrorHandlers handlers = new ErrorHandlers(context);
    CommandLine cmd = new CommandLine(Netdoctor.class, new ContextFactory(context));
    boolean colour = context.stdoutIsTerminal() && !context.noColorRequested();
    cmd.setColorScheme(Help.defaultColorScheme(colour ? Help.Ansi.ON : Help.Ansi.OFF));
    cmd.setParameterExceptionHandler(handlers);
    cmd.setExecutionExceptionHandler(handlers);
    cmd.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL);
    return cmd;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int exit;
    try {
      CommandLine cmd = newCommandLine(CliContext.system());
      cmd.setOut(out);
      cmd.setErr(err);
      exit = cmd.execute(args);
    } catch (RuntimeException | Error e) {
      // Nothing should get here (the handlers catch everything a command throws); a last guard for set-up bugs.
      err.println("netdoctor: internal error (" + e.getClass().getSimpleName() + "); please report it");
      exit = ExitCode.INTERNAL;
    }
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
