package dev.netdoctor.cli.internal;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers what recent log lines were judged to be (the classification and the host they name), keyed by the
 * line without its leading time: logs repeat the same failure line over and over, differing only in the time,
 * and classifying is far dearer than a look-up. Neither answer depends on the leading time, so the result is the
 * one judging afresh would give. Bounded (least recently used entries are dropped); one instance per thread.
 */
final class ClassificationMemo {
  private static final int ENTRIES = 4096;
  /** A time at the very start of a line, optionally in brackets: ISO-8601 or syslog. */
  private static final Pattern LEADING_TIME = Pattern.compile(
      "^\\[?(?:\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?"
          + "|[A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2})\\]?");

  private final Classifier classifier;
  /** A judged line: its classification and, when recognised, the host it names ({@code null} if none). */
  record Judged(Classification classification, String host) {}

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

  Judged judge(String line) {
    String key = time.reset(line).lookingAt() ? line.substring(time.end()) : line;
    Judged judged = recent.get(key);
    if (judged == null) {
      Classification c = classifier.classify(line);
      judged = new Judged(c, c.recognised() ? HostExtractor.find(line).orElse(null) : null);
      recent.put(key, judged);
    }
    return judged;
  }
}
