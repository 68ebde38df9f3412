package dev.netdoctor.core.classify.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the rule hits in a text: one Aho-Corasick pass over the literals, then each candidate verified (whole
 * words) or its regex run in a bounded window around the trigger.
 *
 * <p>Work is bounded whatever the input: at most {@link #LINE_LIMIT} chars of any line and
 * {@link #TOTAL_LIMIT} chars in all are scanned, and regexes only see {@link #WINDOW} chars either side of
 * their trigger. Stack-frame lines ({@code at ...}, Python's {@code File "..."} and the source line under it)
 * are skipped: they name methods and code, not failures.
 */
public final class TextScanner {
  /** Chars scanned per line; the rest of a longer line is skipped. */
  public static final int LINE_LIMIT = 64 * 1024;
  /** Chars scanned per input in total. */
  public static final int TOTAL_LIMIT = 4 * 1024 * 1024;
  /** Chars a regex may look at on each side of its trigger. */
  public static final int WINDOW = 400;

  private final RuleSet rules;
  private final TriggerAutomaton automaton;

  public TextScanner(RuleSet rules) {
    this.rules = rules;
    this.automaton = rules.automaton();
  }

  /** True when some trigger literal occurs in the text (before word checks): the cheap prefilter. */
  public boolean mayMatch(CharSequence text) {
    return scan(text, (p, s, e) -> false) < 0;
  }

  /**
   * {@link #mayMatch(CharSequence)} for one line given as UTF-8 bytes: the same answer as for the decoded line.
   * A line of plain ASCII bytes without {@code \n}, at most {@link #LINE_LIMIT} long, is matched on the bytes with
   * no decoding; any other is decoded and scanned as chars.
   */
  public boolean mayMatch(byte[] utf8, int off, int len) {
    if (len <= LINE_LIMIT) {
      int j = off;
      int end = off + len;
      while (j < end && (utf8[j] == ' ' || utf8[j] == '\t') && j - off < 64) j++;
      // Only a line whose first word starts with 'a' or 'F' can be a skipped frame (see scan).
      boolean maybeFrame = j < end && (utf8[j] == 'a' || utf8[j] == 'F');
      if (!maybeFrame || isPlainAsciiLine(utf8, off, end)) {
        if (maybeFrame && skipsLine(new AsciiView(utf8, off, len), j - off)) return false;
        int found = automaton.matchAscii(utf8, off, end);
        if (found != TriggerAutomaton.NOT_ASCII_LINE) return found == TriggerAutomaton.FOUND;
      }
    }
    return mayMatch(new String(utf8, off, len, StandardCharsets.UTF_8));
  }

  /**
   * Appends the hits of {@code text} to {@code out}. A hit's depth is {@code depthBase} plus its
   * {@link ChainDepth} in the text.
   */
  public void hits(String text, long depthBase, List<Hit> out) {
    List<int[]> raw = new ArrayList<>(4);
    scan(text, (p, s, e) -> {
      raw.add(new int[] {p, s, e});
      return raw.size() < 2048;
    });
    if (raw.isEmpty()) return;
    ChainDepth chain = ChainDepth.of(text);
    int[] lastRegexLine = null;
    for (int[] m : raw) {
      for (int entry : rules.rulesFor(m[0])) {
        int r = entry < 0 ? ~entry : entry;
        Rule rule = rules.rule(r);
        if (entry >= 0) {
          if (!wholeWords(text, m[1], m[2])) continue;
          add(out, new Hit(rule, rule.outcome(), text.substring(m[1], m[2]), depthBase + chain.depth(m[1])));
        } else {
          if (lastRegexLine == null) {
            lastRegexLine = new int[rules.rules().size()];
            Arrays.fill(lastRegexLine, -1);
          }
          int lineStart = lineStart(text, m[1]);
          if (lastRegexLine[r] == lineStart) continue; // this rule already ran on this line
          lastRegexLine[r] = lineStart;
          regexHits(text, rule, lineStart, m[1], m[2], depthBase, chain, out);
        }
      }
    }
  }

  private void regexHits(String text, Rule rule, int lineStart, int start, int end, long depthBase,
      ChainDepth chain, List<Hit> out) {
    int from = Math.max(lineStart, start - WINDOW);
    int to = lineEnd(text, end);
    to = Math.min(to, end + WINDOW);
    Matcher matcher = rule.regex().matcher(text);
    matcher.region(from, to);
    while (matcher.find()) {
      Outcome outcome = rule.outcome();
      if (rule.lookup() != null) {
        String key = firstGroup(matcher);
        outcome = key == null ? null : rule.lookup().get(key);
      }
      if (outcome != null) {
        add(out, new Hit(rule, outcome, matcher.group(), depthBase + chain.depth(matcher.start())));
        return;
      }
      if (matcher.end() == matcher.start()) return;
    }
  }

  private static String firstGroup(Matcher matcher) {
    for (int g = 1; g <= matcher.groupCount(); g++) {
      if (matcher.group(g) != null) return matcher.group(g);
    }
    return null;
  }

  /** Keeps one hit per rule and outcome: the deepest. */
  private static void add(List<Hit> out, Hit hit) {
    for (int i = 0; i < out.size(); i++) {
      Hit other = out.get(i);
      if (other.rule() == hit.rule() && other.outcome() == hit.outcome()) {
        if (hit.depth() > other.depth()) out.set(i, hit);
        return;
      }
    }
    out.add(hit);
  }

  private static int lineStart(String text, int pos) {
    int limit = Math.max(0, pos - WINDOW);
    for (int i = pos - 1; i >= limit; i--) {
      if (text.charAt(i) == '\n') return i + 1;
    }
    return limit;
  }

  private static int lineEnd(String text, int pos) {
    int limit = Math.min(text.length(), pos + WINDOW);
    for (int i = pos; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') return i;
    }
    return limit;
  }

  private static boolean wholeWords(String text, int start, int end) {
    if (isWordChar(text.charAt(start)) && start > 0 && isWordChar(text.charAt(start - 1))) return false;
    return !(isWordChar(text.charAt(end - 1)) && end < text.length() && isWordChar(text.charAt(end)));
  }

  private static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return false; // non-ASCII edges (CJK, accents) are not checked
  }

  /**
   * The automaton pass. Returns -1 when the sink stopped the scan, else the number of chars scanned.
   */
  private int scan(CharSequence text, TriggerAutomaton.MatchSink sink) {
    int length = text.length();
    int state = automaton.start();
    int scannedTotal = 0;
    int i = 0;
    boolean pythonSource = false;
    while (i < length && scannedTotal < TOTAL_LIMIT) {
      // At a line start: decide whether to skip the line.
      int lineEnd = -1;
      int indent = 0;
      int j = i;
      while (j < length && (text.charAt(j) == ' ' || text.charAt(j) == '\t') && indent < 64) {
        j++;
        indent++;
      }
      boolean skip = false;
      if (startsWith(text, j, "File \"")) {
        skip = true;
        pythonSource = true;
      } else if (pythonSource && indent >= 4) {
        skip = true;
      } else {
        pythonSource = false;
        skip = skipsLine(text, j, indent);
      }
      state = automaton.start();
      int lineLimit = Math.min(length, i + LINE_LIMIT);
      if (skip) {
        lineEnd = indexOfNewline(text, j, length);
        i = lineEnd < 0 ? length : lineEnd + 1;
        continue;
      }
      int k = i;
      for (; k < lineLimit; k++) {
        char c = text.charAt(k);
        if (c == '\n') break;
        state = automaton.step(state, c);
        if (automaton.emits(state) && !automaton.report(state, k + 1, sink)) return -1;
      }
      scannedTotal += k - i + 1;
      if (k < length && text.charAt(k) == '\n') {
        i = k + 1;
      } else if (k >= length) {
        i = length;
      } else {
        lineEnd = indexOfNewline(text, k, length);
        i = lineEnd < 0 ? length : lineEnd + 1;
      }
    }
    return scannedTotal;
  }

  /** Whether the line (the first of {@code text}) is a stack frame the scan skips, its first word at {@code at}. */
  private static boolean skipsLine(CharSequence text, int at) {
    return startsWith(text, at, "File \"") || skipsLine(text, at, at);
  }

  /** A frame line after the Python source check: {@code indent} blanks, then the first word at {@code at}. */
  private static boolean skipsLine(CharSequence text, int at, int indent) {
    return indent > 0 ? isFrame(text, at) : isBareJavaFrame(text, at);
  }

  private static boolean isPlainAsciiLine(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] < 0 || buf[i] == '\n') return false;
    }
    return true;
  }

  /** Plain ASCII bytes as chars, for the frame checks. */
  private record AsciiView(byte[] buf, int off, int len) implements CharSequence {
    @Override
    public int length() {
      return len;
    }

    @Override
    public char charAt(int index) {
      return (char) buf[off + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new AsciiView(buf, off + start, end - start);
    }

    @Override
    public String toString() {
      return new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }
  }

  private static int indexOfNewline(CharSequence text, int from, int length) {
    if (text instanceof String s) return s.indexOf('\n', from);
    for (int i = from; i < length; i++) {
      if (text.charAt(i) == '\n') return i;
    }
    return -1;
  }

  private static boolean startsWith(CharSequence text, int at, String prefix) {
    if (at + prefix.length() > text.length()) return false;
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(at + i) != prefix.charAt(i)) return false;
    }
    return true;
  }

  /**
   * A Java frame pasted without its indentation: {@code at pkg.Class.method(File.java:1)}, the name made of
   * identifier chars, dots and slashes only and holding a dot, so prose such as "at least (...)" is kept.
   */
  private static boolean isBareJavaFrame(CharSequence text, int at) {
    if (!startsWith(text, at, "at ")) return false;
    int limit = Math.min(text.length(), at + 300);
    boolean dot = false;
    for (int i = at + 3; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '(') return dot && i > at + 3;
      if (c == '.') {
        dot = true;
      } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '/' || c == '<' || c == '>'
          || c == '-')) {
        return false;
      }
    }
    return false;
  }

  /** {@code at pkg.Class.method(File.java:1)}, {@code at async fn (node:...)}, {@code at X.Y() in /a.cs:line 3}. */
  private static boolean isFrame(CharSequence text, int at) {
    if (!startsWith(text, at, "at ") || at + 3 >= text.length() || text.charAt(at + 3) == ' ') return false;
    int limit = Math.min(text.length(), at + 400);
    for (int i = at + 3; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n') return false;
      if (c == '(' || c == ':') return true;
    }
    return false;
  }
}
