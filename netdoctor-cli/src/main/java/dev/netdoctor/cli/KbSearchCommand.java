package dev.netdoctor.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.cli.internal.Json;
import dev.netdoctor.cli.internal.Style;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.SearchHit;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netdoctor kb search}: guides ranked by relevance to words or codes. Exits 1 when nothing matches. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    header = "Rank the guides that match words or codes.",
    description = "Ranks the guides by how well they match the words (tolerant of typos and word forms) or codes"
        + " given: score, id, title and the codes each guide explains.",
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {" 0:at least one guide matches", " 1:no guide matches", ExitCode.HELP_BAD_INPUT,
        ExitCode.HELP_INTERNAL},
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor kb search \"proxy 407\"",
      "  netdoctor kb search cant conect to openai",
      "  netdoctor kb search --limit 3 --format json certificat expired",
      "  netdoctor kb search --kb ./team-guides AI101-NET-001",
      ""
    })
public final class KbSearchCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin KbOptions kb;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
      description = "Show at most N guides (default: ${DEFAULT-VALUE}).")
  int limit;

  @Parameters(arity = "1..*", paramLabel = "WORDS", description = "Words or codes to look for.")
  List<String> words;

  KbSearchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (limit < 1) throw new BadInputException("--limit: must be 1 or more, was " + limit);
    String query = String.join(" ", words).strip();
    if (query.isEmpty()) throw new BadInputException("kb search: no words to search for");
    List<SearchHit> hits = kb.load().search(query, limit);
    PrintWriter out = spec.commandLine().getOut();
    switch (output.format()) {
      case JSON: json(out, query, hits); break;
      case MARKDOWN: markdown(out, query, hits); break;
      default: text(out, query, hits, output.style(context));
    }
    out.flush();
    return hits.isEmpty() ? ExitCode.PROBLEMS : ExitCode.OK;
  }

  private static void text(PrintWriter out, String query, List<SearchHit> hits, Style style) {
    if (hits.isEmpty()) {
      out.println("No guide matches '" + query + "'. Try other words, or 'netdoctor explain \"<the error>\"'.");
      return;
    }
    int idWidth = hits.stream().mapToInt(h -> h.guide().id().length()).max().orElse(2);
    out.println(style.bold(String.format(Locale.ROOT, "%6s  %-" + idWidth + "s  %s", "SCORE", "ID", "TITLE")));
    for (SearchHit hit : hits) {
      Guide g = hit.guide();
      String codes = g.errorCodes().isEmpty() ? "" : style.dim("  [" + String.join(", ", g.errorCodes()) + "]");
      out.println(String.format(Locale.ROOT, "%6.2f  %-" + idWidth + "s  %s", hit.score(), g.id(), g.title())
          + codes);
    }
    out.println();
    out.println(style.dim("Read one: netdoctor kb show " + hits.get(0).guide().id()));
  }

  private static void markdown(PrintWriter out, String query, List<SearchHit> hits) {
    out.println("### Guides for \"" + query + "\"");
    out.println();
    if (hits.isEmpty()) out.println("No guide matches.");
    int i = 1;
    for (SearchHit hit : hits) {
      Guide g = hit.guide();
      out.println(i++ + ". **" + g.title() + "** (`" + g.id() + "`)"
          + (g.errorCodes().isEmpty() ? "" : " — " + String.join(", ", g.errorCodes().stream()
              .map(c -> "`" + c + "`").toList()))
          + String.format(Locale.ROOT, " — score %.2f", hit.score()));
    }
  }

  private static void json(PrintWriter out, String query, List<SearchHit> hits) throws IOException {
    JsonGenerator g = Json.generator(out);
    g.writeStartObject();
    g.writeStringField("query", query);
    g.writeArrayFieldStart("hits");
    for (SearchHit hit : hits) {
      Guide guide = hit.guide();
      g.writeStartObject();
      g.writeNumberField("score", Math.round(hit.score() * 1000) / 1000.0);
      g.writeStringField("id", guide.id());
      g.writeStringField("title", guide.title());
      g.writeStringField("category", guide.category());
      Json.strings(g, "codes", guide.errorCodes());
      g.writeStringField("source", guide.source());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    Json.finish(g, out);
  }
}
