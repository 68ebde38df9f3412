package dev.netdoctor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netdoctor kb}: the knowledge base of guides. Without a subcommand, prints its help. */
@Command(
    name = "kb",
    mixinStandardHelpOptions = true,
    header = "Search, show and lint the knowledge-base guides.",
    description = "The knowledge base: guides that explain each code, its causes and fixes. Search them by words"
        + " or codes, show one, or lint guides you write yourself (--kb DIR adds them).",
    subcommands = {KbSearchCommand.class, KbShowCommand.class, KbLintCommand.class},
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {
      ExitCode.HELP_OK,
      " 1:problems found (no search hit, lint problems)",
      ExitCode.HELP_BAD_INPUT,
      ExitCode.HELP_INTERNAL
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor kb search \"proxy 407\"",
      "  netdoctor kb show NET002",
      "  netdoctor kb lint ./my-guides",
      ""
    })
public final class KbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
