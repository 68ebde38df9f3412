package dev.netdoctor.cli;

import dev.netdoctor.cli.internal.ContextFactory;
import dev.netdoctor.cli.internal.ErrorHandlers;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

  /** The subcommands, in the order help lists them. */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> map = new LinkedHashMap<>();
    map.put("explain", ExplainCommand.class);
    map.put("scan", ScanCommand.class);
    map.put("kb", KbCommand.class);
    map.put("doctor", DoctorCommand.class);
    map.put("probe", ProbeCommand.class);
    map.put("serve", ServeCommand.class);
    map.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(map);
  }

  /**
   * A command line wired for {@code context} with every subcommand: our exit codes, one-line errors instead of
   * stack traces, and help coloured only where output is.
   */
  public static CommandLine newCommandLine(CliContext context) {
    return newCommandLine(context, SUBCOMMANDS.keySet());
  }

  /**
   * Like {@link #newCommandLine(CliContext)}, but when {@code args} name a subcommand only that one is built:
   * picocli reads every command class reflectively up front, which is most of a short command's start-up.
   */
  public static CommandLine forArgs(CliContext context, String... args) {
    String name = subcommandName(args);
    return newCommandLine(context, name != null && !name.equals("help") ? Set.of(name) : SUBCOMMANDS.keySet());
  }

  /** The first argument that is not a root option, if it names a subcommand. */
  static String subcommandName(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--format")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return SUBCOMMANDS.containsKey(arg) ? arg : null;
      }
    }
    return null;
  }

  private static CommandLine newCommandLine(CliContext context, Set<String> names) {
    ErrorHandlers handlers = new ErrorHandlers(context);
    ContextFactory factory = new ContextFactory(context);
    CommandLine cmd = new CommandLine(Netdoctor.class, factory);
    for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS.entrySet()) {
      if (names.contains(sub.getKey())) cmd.addSubcommand(sub.getKey(), new CommandLine(sub.getValue(), factory));
    }
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
      CommandLine cmd = forArgs(CliContext.system(), args);
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
