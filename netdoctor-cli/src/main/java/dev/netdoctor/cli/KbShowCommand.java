package dev.netdoctor.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.netdoctor.cli.internal.Json;
import dev.netdoctor.cli.internal.MarkdownText;
import dev.netdoctor.cli.internal.Style;
import dev.netdoctor.core.kb.Guide;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netdoctor kb show}: one guide, by id or by a code it explains. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    header = "Show one guide, by id or by code.",
    description = "Shows one guide, found by its id or by a code it explains (NET002, NET002_DnsResolutionFailed,"
        + " AI101-NET-001): as text for the terminal, Markdown as written, or JSON.",
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {ExitCode.HELP_OK, ExitCode.HELP_BAD_INPUT + ", no such guide", ExitCode.HELP_INTERNAL},
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor kb show dns-resolution-failed",
      "  netdoctor kb show NET010",
      "  netdoctor kb show --format markdown NET009 > certificate-help.md",
      ""
    })
public final class KbShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin KbOptions kb;

  @Parameters(index = "0", paramLabel = "ID|CODE", description = "A guide id or a code.")
  String wanted;

  KbShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Guide guide = kb.load().find(wanted).orElseThrow(() -> new BadInputException("no guide '" + wanted
        + "'; 'netdoctor kb search " + wanted + "' finds guides by words"));
    PrintWriter out = spec.commandLine().getOut();
    switch (output.format()) {
      case JSON: json(out, guide); break;
      case MARKDOWN: markdown(out, guide); break;
      default: text(out, guide, output.style(context));
    }
    out.flush();
    return ExitCode.OK;
  }

  private static void text(PrintWriter out, Guide g, Style style) {
    out.println(style.bold(g.title()));
    out.println(style.dim("id: " + g.id() + "   category: " + g.category()
        + (g.errorCodes().isEmpty() ? "" : "   codes: " + String.join(", ", g.errorCodes()))));
    if (!g.symptoms().isEmpty()) out.println(style.dim("symptoms: " + String.join("; ", g.symptoms())));
    out.println();
    MarkdownText.render(g.body(), out, style);
  }

  private static void markdown(PrintWriter out, Guide g) {
    out.println("# " + g.title());
    out.println();
    out.print(g.body().endsWith("\n") ? g.body() : g.body() + "\n");
  }

  private static void json(PrintWriter out, Guide guide) throws IOException {
    JsonGenerator g = Json.generator(out);
    g.writeStartObject();
    g.writeStringField("id", guide.id());
    g.writeStringField("title", guide.title());
    g.writeStringField("category", guide.category());
    Json.strings(g, "symptoms", guide.symptoms());
    Json.strings(g, "errorCodes", guide.errorCodes());
    Json.strings(g, "relatedDocs", guide.relatedDocs());
    g.writeStringField("source", guide.source());
    g.writeStringField("body", guide.body());
    g.writeEndObject();
    Json.finish(g, out);
  }
}
