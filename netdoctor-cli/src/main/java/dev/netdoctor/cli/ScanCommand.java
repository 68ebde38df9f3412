package dev.netdoctor.cli;

import dev.netdoctor.cli.internal.FindingSink;
import dev.netdoctor.cli.internal.LogScanner;
import dev.netdoctor.cli.internal.ScanInput;
import dev.netdoctor.cli.internal.ScanJsonWriter;
import dev.netdoctor.cli.internal.ScanTableWriter;
import dev.netdoctor.cli.internal.ScanTotals;
import dev.netdoctor.core.classify.Classifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netdoctor scan}: every network failure in logs, grouped by code, cause and host with counts and
 * first/last seen. Streams: memory stays constant whatever the size of the logs. Exits 1 when it found
 * failures, 0 when none.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    header = "Find every network failure in log files, grouped by code, cause and host.",
    description =
        "Finds every network failure in log files (plain or gzip; '-' reads stdin) and groups them by "
            + "code, cause and host, with counts and when each was first and last seen (the lines' own times "
            + "when they have one, else file:line). --format json streams every finding (file, line, code, "
            + "cause, host, time, the redacted line and the evidence) and then the summary. Memory stays "
            + "constant however large the logs are; lines longer than 64 KiB are judged on their first 64 KiB.",
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {
      " 0:no failure found",
      " 1:failures found",
      ExitCode.HELP_BAD_INPUT,
      ExitCode.HELP_INTERNAL
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor scan app.log",
      "  netdoctor scan /var/log/app/*.log /var/log/app/*.gz",
      "  kubectl logs deploy/api | netdoctor scan -",
      "  netdoctor scan --format json app.log > findings.json",
      "  netdoctor scan --format json --max-findings 100 app.log",
      ""
    })
public final class ScanCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--max-findings",
      paramLabel = "N",
      description = "JSON: write at most N findings (all are still counted in the summary). Default: all.")
  Long maxFindings;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Classify on N threads (default: one per processor, at most 8).")
  Integer workers;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files, plain or gzip; '-' for stdin.")
  List<String> files;

  ScanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (maxFindings != null && maxFindings < 0) {
      throw new BadInputException("--max-findings: must be 0 or more, was " + maxFindings);
    }
    if (workers != null && (workers < 1 || workers > 64)) {
      throw new BadInputException("--threads: must be 1 to 64, was " + workers);
    }
    List<ScanInput> inputs = new ArrayList<>();
    for (String file : files) inputs.add(ScanInput.of(file));
    if (inputs.stream().filter(ScanInput::isStdin).count() > 1) {
      throw new BadInputException("'-' (stdin) given more than once");
    }
    inputs.forEach(ScanInput::precheck);
    PrintWriter out = spec.commandLine().getOut();
    FindingSink sink;
    switch (output.format()) {
      case JSON:
        sink = new ScanJsonWriter(out, maxFindings == null ? Long.MAX_VALUE : maxFindings);
        break;
      case MARKDOWN:
        sink = ScanTableWriter.markdown(out);
        break;
      default:
        sink = ScanTableWriter.text(out, output.style(context));
    }
    ScanTotals totals = new LogScanner(Classifier.builtIn(), sink, workers == null ? LogScanner.defaultWorkers() : workers).scan(inputs, context.stdin());
    out.flush();
    return totals.groups().findings() > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
  }
}
