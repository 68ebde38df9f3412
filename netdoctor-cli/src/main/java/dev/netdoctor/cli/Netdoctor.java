package dev.netdoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code netdoctor} command: finds why an application cannot reach its AI providers. */
@Command(
    name = "netdoctor",
    mixinStandardHelpOptions = true,
    subcommands = {ServeCommand.class},
    version = "netdoctor 0.1.0-SNAPSHOT",
    description = "Finds why an application cannot reach its AI providers and says what to do.")
public final class Netdoctor implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Netdoctor()).execute(args));
  }
}
