package dev.netdoctor.core.kb.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the ATX headings of a Markdown text, skipping fenced code blocks (where {@code # comment} is code). */
public final class MarkdownHeadings {
  private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
  private static final Pattern CLOSING_HASHES = Pattern.compile("[ \\t]+#+$");

  private MarkdownHeadings() {}

  /**
   * The headings of {@code markdown}, whose first line is line {@code firstLine} of its file.
   */
  public static List<Heading> scan(String markdown, int firstLine) {
    List<Heading> headings = new ArrayList<>();
    Map<String, Integer> slugCounts = new HashMap<>();
    String[] lines = markdown.split("\r?\n", -1);
    String fence = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      char first = firstNonSpace(line);
      if (first != '#' && first != '`' && first != '~') continue;
      Matcher f = FENCE.matcher(line);
      if (fence == null) {
        if (f.matches() && !(f.group(1).charAt(0) == '`' && f.group(2).contains("`"))) {
          fence = f.group(1);
          continue;
        }
      } else {
        if (f.matches() && f.group(2).isBlank() && f.group(1).charAt(0) == fence.charAt(0)
            && f.group(1).length() >= fence.length()) {
          fence = null;
        }
        continue;
      }
      Matcher h = ATX.matcher(line);
      if (h.matches()) {
        String text = h.group(2) == null ? "" : CLOSING_HASHES.matcher(h.group(2)).replaceFirst("").trim();
        if (text.equals("#") || text.matches("#+")) text = "";
        String base = slug(text);
        int seen = slugCounts.merge(base, 1, Integer::sum) - 1;
        String slug = seen == 0 ? base : base + "-" + seen;
        headings.add(new Heading(h.group(1).length(), text, slug, firstLine + i));
      }
    }
    return headings;
  }

  private static char firstNonSpace(String line) {
    for (int i = 0; i < line.length() && i < 4; i++) {
      if (line.charAt(i) != ' ') return line.charAt(i);
    }
    return ' ';
  }

  /**
   * GitHub's anchor for a heading: lower case, punctuation other than {@code -} and {@code _} dropped, spaces
   * turned into {@code -}.
   */
  public static String slug(String headingText) {
    String lower = headingText.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    lower.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
        out.appendCodePoint(cp);
      } else if (cp == ' ') {
        out.append('-');
      }
    });
    return out.toString();
  }
}
