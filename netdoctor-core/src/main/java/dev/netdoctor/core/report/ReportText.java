package dev.netdoctor.core.report;

import java.util.List;
import java.util.Locale;

/**
 * The terminal form of a {@link Report}: one ✓ ! ✗ line per check (flutter doctor's style), then each finding
 * with its evidence and fix, then a summary line.
 */
public final class ReportText {
  private ReportText() {}

  /** One check as a line: {@code ✓ dns  OpenAI  api.openai.com → 2 addresses (12 ms)}. */
  public static String line(CheckResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(r.status().symbol()).append("] ").append(pad(r.check(), 10)).append(' ')
        .append(pad(r.target(), 14)).append(' ').append(r.summary());
    if (r.code() != null) sb.append(" [").append(r.code()).append(r.cause() == null ? "" : "/" + r.cause()).append(']');
    if (r.control()) sb.append(" (control)");
    sb.append(" (").append(r.elapsedMs()).append(" ms)");
    return sb.toString();
  }

  public static String write(Report report) {
    StringBuilder sb = new StringBuilder();
    for (CheckResult r : report.checks()) sb.append(line(r)).append('\n');
    sb.append('\n');
    appendFindings(sb, report.findings());
    sb.append(summary(report)).append('\n');
    return sb.toString();
  }

  static void appendFindings(StringBuilder sb, List<Finding> findings) {
    for (Finding f : findings) {
      sb.append(f.severity() == Severity.ERROR ? "✗ " : f.severity() == Severity.WARNING ? "! " : "i ")
          .append(f.codeAndCause()).append(f.name() == null ? "" : " (" + f.name() + ")").append(": ")
          .append(f.summary()).append('\n');
      if (!f.targets().isEmpty()) sb.append("    affects: ").append(String.join(", ", f.targets())).append('\n');
      for (String e : f.evidence()) sb.append("    evidence: ").append(e).append('\n');
      int i = 1;
      for (String step : f.fix()) sb.append("    fix ").append(i++).append(". ").append(step).append('\n');
      if (f.guide() != null) sb.append("    guide: netdoctor kb show ").append(f.guide()).append('\n');
      sb.append(String.format(Locale.ROOT, "    confidence %.2f, rule %s%n", f.confidence(), f.rule()));
    }
  }

  /** {@code 14 checks, 2 problems (NET002/nxdomain, AUTH002) in 1.8 s of a 10 s budget}. */
  public static String summary(Report report) {
    long problems = report.findings().stream().filter(f -> f.severity() != Severity.INFO).count();
    String head = report.checks().size() + " checks, ";
    String body = problems == 0 ? "no problems found"
        : problems + (problems == 1 ? " problem (" : " problems (")
            + String.join(", ", report.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(Finding::codeAndCause).toList()) + ")";
    String time = String.format(Locale.ROOT, " in %.1f s of a %.0f s budget%s", report.elapsedMs() / 1000.0,
        report.budgetMs() / 1000.0, report.budgetExhausted() ? " (budget exhausted: some checks cut off)" : "");
    return (problems == 0 ? "✓ " : "✗ ") + head + body + time;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
