package dev.netdoctor.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every labelled corpus message is classified to its expected code and cause (or not recognised). */
class CorpusTest {
  private static final Classifier CLASSIFIER = Classifier.builtIn();

  static Stream<CorpusEntry> entries() {
    return CorpusEntry.corpus().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void corpusEntryIsClassifiedAsLabelled(CorpusEntry entry) {
    Classification c = CLASSIFIER.classify(entry.text());
    assertThat(CorpusEntry.actual(c)).as("%s%n%s%nevidence %s", entry, entry.text(), c.evidence())
        .isEqualTo(entry.expected());
    if (c.recognised()) {
      assertThat(c.evidence()).as("evidence").isNotEmpty();
      assertThat(c.confidence()).isBetween(0.3, 1.0);
    }
  }

  @Test
  void corpusIsLargeAndVariedAndEveryStackScoresHundredPercent() {
    List<CorpusEntry> all = CorpusEntry.corpus();
    Map<String, int[]> byStack = new TreeMap<>();
    for (CorpusEntry entry : all) {
      int[] counts = byStack.computeIfAbsent(entry.stack(), k -> new int[2]);
      counts[0]++;
      if (entry.matches(CLASSIFIER.classify(entry.text()))) counts[1]++;
    }
    StringBuilder table = new StringBuilder("\nClassifier corpus accuracy\n");
    table.append(String.format("%-20s | %4s | %7s | %6s%n", "stack", "n", "correct", "%"));
    int n = 0;
    int correct = 0;
    for (Map.Entry<String, int[]> row : byStack.entrySet()) {
      int[] c = row.getValue();
      n += c[0];
      correct += c[1];
      table.append(String.format("%-20s | %4d | %7d | %5.1f%%%n", row.getKey(), c[0], c[1], 100.0 * c[1] / c[0]));
    }
    table.append(String.format("%-20s | %4d | %7d | %5.1f%%%n", "TOTAL", n, correct, 100.0 * correct / n));
    System.out.print(table);
    long stacks = byStack.keySet().stream().filter(s -> !s.equals("none")).map(s -> s.split("-")[0]).distinct()
        .count();
    assertThat(all).hasSizeGreaterThanOrEqualTo(300);
    assertThat(byStack.keySet()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(stacks).as("distinct stack families").isGreaterThanOrEqualTo(10);
    assertThat(byStack.getOrDefault("none", new int[2])[0]).as("not-recognised lines").isGreaterThanOrEqualTo(30);
    assertThat(correct).as("correct of %d", n).isEqualTo(n);
  }
}
