package dev.netdoctor.cli.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints a scan's groups once it is done: an aligned table for a terminal ({@link #text}) or a Markdown
 * table to paste ({@link #markdown}). Findings themselves are not printed in these forms.
 */
public final class ScanTableWriter implements FindingSink {
  private static final String[] HEADER = {"CODE", "CAUSE", "HOST", "COUNT", "FIRST SEEN", "LAST SEEN"};

  private final PrintWriter out;
  private final Style style;
  private final boolean markdown;

  private ScanTableWriter(PrintWriter out, Style style, boolean markdown) {
    this.out = out;
    this.style = style;
    this.markdown = markdown;
  }

  public static ScanTableWriter text(PrintWriter out, Style style) {
    return new ScanTableWriter(out, style, false);
  }

  public static ScanTableWriter markdown(PrintWriter out) {
    return new ScanTableWriter(out, Style.PLAIN, true);
  }

  @Override
  public void finding(Finding finding) {
    // Only the groups are printed, at the end.
  }

  @Override
  public void finish(ScanTotals totals) {
    List<FindingGroups.Group> groups = totals.groups().sorted();
    List<String[]> rows = new ArrayList<>();
    for (FindingGroups.Group g : groups) {
      rows.add(new String[] {g.code(), dash(g.cause()), dash(g.host()), Long.toString(g.count()),
          g.first().display(), g.last().display()});
    }
    if (markdown) {
      out.println("### netdoctor scan");
      out.println();
      out.println(summary(totals));
      if (!rows.isEmpty()) {
        out.println();
        out.println("| " + String.join(" | ", HEADER) + " |");
        out.println("|---|---|---|--:|---|---|");
        for (String[] r : rows) {
          out.println("| `" + r[0] + "` | " + cell(r[1]) + " | " + cell(r[2]) + " | " + r[3] + " | " + cell(r[4])
              + " | " + cell(r[5]) + " |");
        }
        out.println();
        for (ErrorCode code : codes(groups)) {
          out.println("- `" + code.id() + "` " + code.title() + " — `netdoctor explain " + code.id() + "`");
        }
      }
      return;
    }
    if (!rows.isEmpty()) {
      int[] width = new int[HEADER.length];
      for (int i = 0; i < HEADER.length; i++) width[i] = HEADER[i].length();
      for (String[] r : rows) {
        for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
      }
      out.println(style.bold(row(HEADER, width)));
      for (String[] r : rows) {
        String line = row(r, width);
        out.println(style.red(line.substring(0, width[0])) + line.substring(width[0]));
      }
      out.println();
      for (ErrorCode code : codes(groups)) {
        out.println(style.bold(code.id()) + "  " + code.title() + style.dim("  (netdoctor explain " + code.id() + ")"));
      }
      out.println();
    }
    out.println(summary(totals));
  }

  private static List<ErrorCode> codes(List<FindingGroups.Group> groups) {
    Set<String> ids = new LinkedHashSet<>();
    groups.forEach(g -> ids.add(g.code()));
    List<ErrorCode> codes = new ArrayList<>();
    for (String id : ids) CodeRegistry.builtIn().find(id).ifPresent(codes::add);
    return codes;
  }

  private static String summary(ScanTotals t) {
    long failures = t.groups().findings();
    String read = String.format(Locale.ROOT, "%,d lines (%s) in %d %s, %.1f s", t.lines(), size(t.bytes()),
        t.inputs().size(), t.inputs().size() == 1 ? "input" : "inputs", t.nanos() / 1e9);
    if (failures == 0) return "No network failures found in " + read + ".";
    int groups = t.groups().sorted().size();
    return String.format(Locale.ROOT, "%,d %s in %d %s; read %s.", failures, failures == 1 ? "failure" : "failures",
        groups, groups == 1 ? "group" : "groups", read);
  }

  static String size(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  private static String row(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) sb.append("  ");
      String c = cells[i];
      boolean right = i == 3;
      if (right) sb.append(" ".repeat(width[i] - c.length())).append(c);
      else if (i == cells.length - 1) sb.append(c);
      else sb.append(c).append(" ".repeat(width[i] - c.length()));
    }
    return sb.toString();
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
