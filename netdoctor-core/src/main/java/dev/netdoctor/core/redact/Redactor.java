package dev.netdoctor.core.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it is shown, logged or put in a report.
 *
 * <p>What is masked: provider API keys ({@code sk-...}, {@code sk-proj-...}, {@code sk-ant-...}, Replicate
 * {@code r8_...}), {@code Bearer} tokens, the values of {@code Authorization}, {@code Proxy-Authorization},
 * {@code x-api-key}, {@code api-key} and {@code xi-api-key} headers, the password of {@code user:password@} in
 * URLs, and {@code api_key}/{@code token}/{@code password}/{@code secret} values in query strings, JSON and
 * Python dict reprs. The recognisable prefix stays ({@code sk-proj-***}, {@code Bearer ***},
 * {@code https://user:***@proxy}) so a reader still sees which credential was involved. Thread-safe; never
 * throws for any input.
 */
public final class Redactor {
  /** What replaces a secret. */
  public static final String MASK = "***";

  private record Replacement(Pattern pattern, String with) {}

  /**
   * A status that describes a secret without holding it ("not set", "set (51 characters)", "[redacted]") is left
   * readable: reports say whether a key is configured.
   */
  private static final String NOT_A_STATUS = "(?!not set\\b|set \\(\\d+ characters\\)|\\[redacted\\])";

  private static final List<Replacement> REPLACEMENTS = List.of(
      // Header values first: "Authorization: Bearer x" keeps the scheme word, the rest goes.
      new Replacement(Pattern.compile("(?i)(\\b(?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)"
          + "(?:(basic|bearer|digest|negotiate|ntlm|token)\\s+)?[^\\s\"',;}]+"),
          "$1$2 " + MASK),
      new Replacement(Pattern.compile("(?i)(\\b(?:xi-api-key|x-api-key|api-key|x-goog-api-key|apikey)"
          + "[\"']?\\s*[:=]\\s*[\"']?)" + NOT_A_STATUS + "[^\\s\"',;&}]+"), "$1" + MASK),
      new Replacement(Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{6,}"), "Bearer " + MASK),
      new Replacement(Pattern.compile("\\bsk-ant-[A-Za-z0-9_-]{6,}"), "sk-ant-" + MASK),
      new Replacement(Pattern.compile("\\bsk-proj-[A-Za-z0-9_-]{6,}"), "sk-proj-" + MASK),
      new Replacement(Pattern.compile("\\bsk-(?!ant-\\*|proj-\\*)[A-Za-z0-9_-]{12,}"), "sk-" + MASK),
      new Replacement(Pattern.compile("\\br8_[A-Za-z0-9]{8,}"), "r8_" + MASK),
      // user:password@host in any URL
      new Replacement(Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\\s/:@]{1,256}:)[^\\s/@]{1,256}@"),
          "$1" + MASK + "@"),
      // api_key=..., "api_key": "...", 'token': '...'
      new Replacement(Pattern.compile("(?i)([\"']?\\b(?:api[_-]?key|access[_-]?token|refresh[_-]?token|"
          + "auth[_-]?token|token|password|passwd|pwd|secret|client[_-]?secret)[\"']?\\s*[:=]\\s*[\"']?)"
          + "(?!\\*\\*\\*)" + NOT_A_STATUS + "[^\\s\"'&,;}]+"), "$1" + MASK));

  private Redactor() {}

  /** Every pattern above needs one of these (lower-case) substrings; text without any is returned as is. */
  private static final String[] INDICATORS = {"sk-", "r8_", "bearer", "auth", "key", "token", "pass", "pwd",
      "secret", "@"};

  /** The text with every secret masked; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty() || !mayContainSecret(text)) return text;
    String out = text;
    for (Replacement r : REPLACEMENTS) {
      Matcher m = r.pattern().matcher(out);
      if (!m.find()) continue;
      StringBuilder sb = new StringBuilder(out.length());
      do {
        String replacement = r.with();
        // "$2 " is only meaningful when the scheme group matched; avoid a stray space otherwise.
        if (replacement.contains("$2") && m.group(2) == null) replacement = "$1" + MASK;
        m.appendReplacement(sb, replacement);
      } while (m.find());
      m.appendTail(sb);
      out = sb.toString();
    }
    return out;
  }

  private static boolean mayContainSecret(String text) {
    for (String indicator : INDICATORS) {
      for (int i = 0, last = text.length() - indicator.length(); i <= last; i++) {
        if (text.regionMatches(true, i, indicator, 0, indicator.length())) return true;
      }
    }
    return false;
  }
}
