package dev.netdoctor.cli.internal;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges log lines (classification, the host they name, the redacted text) and remembers recent answers, keyed by
 * the line without its leading time: logs repeat the same failure line over and over, differing only in the time,
 * and classifying and redacting are far dearer than a look-up.
 *
 * <p>Why the answer is the one judging afresh would give: the classification and the host never depend on the
 * leading time, and the key is taken only where the time is followed by whitespace, so no secret pattern can
 * match across it (each needs a keyword, a key prefix or {@code ://}, none of which a time contains); the redacted
 * line is then the time followed by the redacted rest. Bounded (least recently used entries are dropped); one
 * instance per thread.
 */
final class ClassificationMemo {
  private static final int ENTRIES = 4096;
  /** A time at the very start of a line, optionally in brackets, then whitespace: ISO-8601 or syslog. */
  private static final Pattern LEADING_TIME = Pattern.compile(
      "^\\[?(?:\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?"
          + "|[A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2})\\]?(?=\\s)");

  /** What a line (without its leading time) was judged to be. */
  private record Judged(Classification classification, String host, String evidence, String redactedRest) {}

  /**
   * One line's verdict.
   *
   * @param classification the classifier's answer
   * @param host the host the line names, or {@code null} (also when not recognised)
   * @param evidence the first evidence's matched text, redacted, or {@code null}
   * @param redacted the whole line with secrets masked ({@code null} when not recognised)
   */
  record Verdict(Classification classification, String host, String evidence, String redacted) {}

  private final Classifier classifier;
  private final Map<String, Judged> recent = new LinkedHashMap<>(ENTRIES * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Judged> eldest) {
      return size() > ENTRIES;
    }
  };
  private final Matcher time = LEADING_TIME.matcher("");

  ClassificationMemo(Classifier classifier) {
    this.classifier = classifier;
  }

  Verdict judge(String line) {
    int cut = time.reset(line).lookingAt() ? time.end() : 0;
    String rest = line.substring(cut);
    Judged judged = recent.get(rest);
    if (judged == null) {
      Classification c = classifier.classify(line);
      judged = c.recognised()
          ? new Judged(c, HostExtractor.find(line).orElse(null),
              c.evidence().isEmpty() ? null : Redaction.redact(c.evidence().get(0).matched()), Redaction.redact(rest))
          : new Judged(c, null, null, null);
      recent.put(rest, judged);
    }
    String redacted = judged.redactedRest() == null ? null : line.substring(0, cut) + judged.redactedRest();
    return new Verdict(judged.classification(), judged.host(), judged.evidence(), redacted);
  }
}
