package dev.netdoctor.core.report;

import java.util.Map;

/**
 * The support bundle (seed 000's "copy to clipboard"): versions, OS, the settings summary, the findings and
 * every check with its evidence, as Markdown to paste into a ticket. The report is expected to hold no secret;
 * callers that want a second line of defence pass the result through a redactor.
 */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  public static String write(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("# netdoctor report\n\n");
    sb.append("- tool: ").append(report.tool()).append('\n');
    sb.append("- started: ").append(report.startedAt()).append('\n');
    sb.append("- took: ").append(report.elapsedMs()).append(" ms of a ").append(report.budgetMs())
        .append(" ms budget").append(report.budgetExhausted() ? " (exhausted)" : "").append('\n');
    sb.append("- verdict: ").append(ReportText.summary(report)).append("\n\n");

    sb.append("## Environment\n\n");
    for (Map.Entry<String, String> e : report.environment().entrySet()) {
      sb.append("- ").append(e.getKey()).append(": `").append(e.getValue()).append("`\n");
    }
    sb.append("\n## Settings (secrets shown only as set or not set)\n\n```json\n")
        .append(ReportJson.write(report.settings())).append("\n```\n\n");

    sb.append("## Findings\n\n");
    if (report.findings().isEmpty()) sb.append("No problems found.\n");
    for (Finding f : report.findings()) {
      sb.append("### ").append(f.severity()).append(" ").append(f.codeAndCause())
          .append(f.name() == null ? "" : " " + f.name()).append("\n\n").append(f.summary()).append("\n\n");
      if (!f.targets().isEmpty()) sb.append("Affects: ").append(String.join(", ", f.targets())).append("\n\n");
      for (String e : f.evidence()) sb.append("- ").append(e).append('\n');
      if (!f.fix().isEmpty()) {
        sb.append("\nFix:\n\n");
        int i = 1;
        for (String step : f.fix()) sb.append(i++).append(". ").append(step).append('\n');
      }
      if (f.guide() != null) sb.append("\nGuide: `netdoctor kb show ").append(f.guide()).append("`\n");
      sb.append('\n');
    }

    sb.append("## Checks\n\n| | check | target | result | code | ms |\n|---|---|---|---|---|---|\n");
    for (CheckResult r : report.checks()) {
      sb.append("| ").append(r.status().symbol()).append(" | ").append(r.check()).append(" | ")
          .append(escape(r.target())).append(" | ").append(escape(r.summary())).append(r.control() ? " (control)" : "")
          .append(" | ").append(r.code() == null ? "" : r.code() + (r.cause() == null ? "" : "/" + r.cause()))
          .append(" | ").append(r.elapsedMs()).append(" |\n");
    }
    sb.append("\n<details><summary>Evidence per check</summary>\n\n");
    for (CheckResult r : report.checks()) {
      if (r.evidence().isEmpty()) continue;
      sb.append("**").append(r.check()).append(" ").append(escape(r.target())).append("**\n\n");
      for (String e : r.evidence()) sb.append("- ").append(e).append('\n');
      sb.append('\n');
    }
    sb.append("</details>\n");
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
