package dev.netdoctor.cli.internal;

import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * Renders a guide's Markdown for a terminal, line by line: headings bold, code blocks indented, emphasis
 * markers removed, links as {@code text (url)}. Not a full Markdown renderer; guides use a small subset.
 */
public final class MarkdownText {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+)\\)");

  private MarkdownText() {}

  public static void render(String markdown, PrintWriter out, Style style) {
    boolean inCode = false;
    for (String line : markdown.split("\\R", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        out.println("    " + style.dim(line));
        continue;
      }
      if (trimmed.startsWith("#")) {
        String text = trimmed.replaceFirst("^#+\\s*", "");
        boolean top = trimmed.startsWith("# ") || trimmed.startsWith("## ");
        out.println(top ? style.bold(text.toUpperCase(java.util.Locale.ROOT)) : style.bold(text));
        continue;
      }
      String text = LINK.matcher(line).replaceAll("$1 ($2)");
      java.util.regex.Matcher m = BOLD.matcher(text);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String inner = m.group(1) != null ? m.group(1) : m.group(2);
        m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(style.bold(inner)));
      }
      m.appendTail(sb);
      out.println(sb);
    }
  }
}
