package dev.netdoctor.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.netdoctor.cli.internal.Json;
import dev.netdoctor.core.kb.GuideLinter;
import dev.netdoctor.core.kb.LintProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netdoctor kb lint}: checks guides, printing each problem as {@code file:line: message}. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    header = "Check guides and report each problem as file:line: message.",
    description = "Checks guides: front matter keys and types, unknown keys, duplicate ids, codes that do not"
        + " exist, relatedDocs that do not resolve, missing sections. Without DIR, checks the built-in guides and"
        + " each --kb DIR. Prints every problem as file:line: message.",
    exitCodeListHeading = ExitCode.HELP_HEADING,
    exitCodeList = {" 0:no problem", " 1:problems found", ExitCode.HELP_BAD_INPUT, ExitCode.HELP_INTERNAL},
    footerHeading = "%nExamples:%n",
    footer = {
      "  netdoctor kb lint",
      "  netdoctor kb lint ./my-guides",
      "  netdoctor kb lint --format json ./my-guides",
      ""
    })
public final class KbLintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin KbOptions kb;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "A directory of guides (*.md) to check.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    List<String> checked = new ArrayList<>();
    List<LintProblem> problems = new ArrayList<>();
    if (dir != null) {
      problems.addAll(lintDir(dir, "DIR"));
      checked.add(dir.toString());
    } else {
      problems.addAll(GuideLinter.lintBuiltIn());
      checked.add("built-in guides");
    }
    for (Path extra : kb.dirs()) {
      problems.addAll(lintDir(extra, "--kb"));
      checked.add(extra.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (output.format()) {
      case JSON: json(out, checked, problems); break;
      case MARKDOWN:
        if (problems.isEmpty()) out.println("No problems in " + String.join(", ", checked) + ".");
        for (LintProblem p : problems) out.println("- `" + p.file() + ":" + p.line() + "`: " + p.message());
        break;
      default:
        for (LintProblem p : problems) out.println(p);
        out.println(problems.isEmpty()
            ? "No problems in " + String.join(", ", checked) + "."
            : problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in "
                + String.join(", ", checked) + ".");
    }
    out.flush();
    return problems.isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  private static List<LintProblem> lintDir(Path dir, String what) {
    if (!Files.exists(dir)) throw new BadInputException(what + " " + dir + ": no such directory");
    if (!Files.isDirectory(dir)) throw new BadInputException(what + " " + dir + ": not a directory");
    return GuideLinter.lint(dir);
  }

  private static void json(PrintWriter out, List<String> checked, List<LintProblem> problems) throws IOException {
    JsonGenerator g = Json.generator(out);
    g.writeStartObject();
    Json.strings(g, "checked", checked);
    g.writeBooleanField("ok", problems.isEmpty());
    g.writeArrayFieldStart("problems");
    for (LintProblem p : problems) {
      g.writeStartObject();
      g.writeStringField("file", p.file().toString());
      g.writeNumberField("line", p.line());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    Json.finish(g, out);
  }
}
