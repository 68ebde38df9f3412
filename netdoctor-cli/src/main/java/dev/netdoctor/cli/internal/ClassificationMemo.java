package dev.netdoctor.cli.internal;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Judges log lines (classification, the host they name, the redacted text, the time) and remembers recent
 * answers, keyed by the line with its time blanked: logs repeat the same failure line over and over, differing
 * only in the time, and classifying and redacting are far dearer than a look-up.
 *
 * <p>The key replaces the first ISO-8601 time in a line's first {@value #TIME_WINDOW} chars by the same shape
 * with every digit 0 ({@code 2026-11-22T05:00:01Z} → {@code 0000-00-00T00:00:00Z}). Why the answer is the one
 * judging afresh would give: the classifier's rules and the host never hinge on a time's digit values, and every
 * secret pattern treats all digits alike, so redacting the key and putting the time back yields the redacted
 * line (when the blanked time is not found exactly once in the redacted key, the line is redacted directly).
 * Bounded (least recently used entries are dropped); one instance per thread.
 */
final class ClassificationMemo {
  private static final int ENTRIES = 4096;
  private static final int TIME_WINDOW = 80;

  /** What a line with its time blanked was judged to be. */
  private record Judged(Classification classification, String host, String evidence, String redactedKey) {}

  /**
   * One line's verdict.
   *
   * @param classification the classifier's answer
   * @param host the host the line names, or {@code null} (also when not recognised)
   * @param evidence the first evidence's matched text, redacted, or {@code null}
   * @param redacted the whole line with secrets masked ({@code null} when not recognised)
   * @param stamp the line's time ({@code null} when it has none or was not recognised)
   */
  record Verdict(
      Classification classification, String host, String evidence, String redacted, Timestamps.Stamp stamp) {}

  private final Classifier classifier;
  private final Map<String, Judged> recent = new LinkedHashMap<>(ENTRIES * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Judged> eldest) {
      return size() > ENTRIES;
    }
  };
  private final Matcher time = Timestamps.ISO.matcher("");

  ClassificationMemo(Classifier classifier) {
    this.classifier = classifier;
  }

  private static String blankDigits(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= '0' && chars[i] <= '9') chars[i] = '0';
    }
    return new String(chars);
  }

  Verdict judge(String line) {
    time.reset(line).region(0, Math.min(line.length(), TIME_WINDOW));
    String stampText = null;
    String blank = null;
    String key = line;
    if (time.find()) {
      stampText = time.group();
      blank = blankDigits(stampText);
      key = line.substring(0, time.start()) + blank + line.substring(time.end());
    }
    Judged judged = recent.get(key);
    if (judged == null) {
      Classification c = classifier.classify(line);
      judged = c.recognised()
          ? new Judged(c, HostExtractor.find(line).orElse(null),
              c.evidence().isEmpty() ? null : Redaction.redact(c.evidence().get(0).matched()), Redaction.redact(key))
          : new Judged(c, null, null, null);
      recent.put(key, judged);
    }
    if (!judged.classification().recognised()) return new Verdict(judged.classification(), null, null, null, null);
    String redacted = judged.redactedKey();
    if (blank != null) {
      int at = redacted.indexOf(blank);
      redacted = at >= 0 && redacted.indexOf(blank, at + 1) < 0
          ? redacted.substring(0, at) + stampText + redacted.substring(at + blank.length())
          : Redaction.redact(line);
    }
    Timestamps.Stamp stamp = (stampText != null ? Timestamps.find(stampText) : Timestamps.find(line)).orElse(null);
    return new Verdict(judged.classification(), judged.host(), judged.evidence(), redacted, stamp);
  }
}
