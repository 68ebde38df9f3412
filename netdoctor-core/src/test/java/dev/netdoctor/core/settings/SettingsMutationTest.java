package dev.netdoctor.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property test by seeded random mutation of the full sample file: truncation, byte flips, type swaps, deleted
 * and repeated lines, stray punctuation. Whatever the input, loading either succeeds or throws
 * {@link SettingsException}; every problem is located in the file (line ≥ 1); no message shows a secret.
 * Bounded: {@value #CASES} cases, each a single in-memory parse of a few kilobytes.
 */
class SettingsMutationTest {
  private static final int CASES = 2000;
  private static final long SEED = 20261122L;
  private static final String API_KEY = "sk-fuzz-SECRET-0123456789abcdef";
  private static final String PASSWORD = "pw-fuzz-SECRET-42";
  private static final String SECRET_MARK = "SECRET";
  private static final Pattern VALUE = Pattern.compile(":\\s*(\"[^\"\\n]*\"|-?\\d+(\\.\\d+)?|true|false|null|\\[)");
  private static final String[] REPLACEMENTS = {
      "\"abc\"", "12", "-1", "0", "true", "null", "[1, \"x\"]", "{\"x\": 1}", "1.5", "\"\"", "99999999999999999999",
      "\"http://bob:" + PASSWORD + "@proxy.example\"", "[]", "{}"};
  private static final String[] INSERTS = {"{", "}", "[", "]", ",", ":", "\"", "/", "*", "\\", "\n", "\u0000", "é"};

  @TempDir Path dir;

  @Test
  void anyMutationOfTheSampleFailsCleanlyWithLocatedProblemsAndNoSecret() throws Exception {
    String sample = Files.readString(SettingsLoaderTest.SAMPLE)
        .replace("// \"ApiKey\": \"sk-...\",", "\"ApiKey\": \"" + API_KEY + "\", \"UseStreaming\": true,")
        .replace("\"your-password\"", "\"" + PASSWORD + "\"");
    assertThat(sample).contains(API_KEY, PASSWORD);
    Path file = dir.resolve("appsettings.json");
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      Random random = new Random(SEED + i);
      byte[] mutated = mutate(sample, random);
      Files.write(file, mutated);
      SettingsLoader loader = SettingsLoader.builder().environment(Map.of()).systemProperties(Map.of())
          .userHome(dir).workingDirectory(dir).file(file).build();
      List<SettingsProblem> problems;
      try {
        problems = loader.load().warnings();
      } catch (SettingsException e) {
        problems = e.problems();
        rejected++;
        assertThat(e.getMessage()).as("case %d", i).doesNotContain(SECRET_MARK);
      } catch (Throwable t) {
        throw new AssertionError("case " + i + " (seed " + (SEED + i) + ") threw " + t + " for:\n"
            + new String(mutated, StandardCharsets.UTF_8), t);
      }
      for (SettingsProblem p : problems) {
        if (!p.source().equals(file.toString()) || p.line() < 1 || p.column() < 1) {
          fail("case %d (seed %d): problem not located in the file: %s", i, SEED + i, p);
        }
        if (p.toString().contains(SECRET_MARK)) {
          fail("case %d (seed %d): secret in message: %s", i, SEED + i, p);
        }
      }
    }
    // the mutator must actually produce bad files, or the property says nothing
    assertThat(rejected).isGreaterThan(CASES / 2);
  }

  static byte[] mutate(String sample, Random random) {
    String text = sample;
    int steps = 1 + random.nextInt(3);
    for (int s = 0; s < steps; s++) {
      switch (random.nextInt(6)) {
        case 0: text = text.substring(0, random.nextInt(text.length() + 1)); break;
        case 1: text = swapType(text, random); break;
        case 2: text = editLines(text, random); break;
        case 3: {
          int at = random.nextInt(text.length() + 1);
          text = text.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(at);
          break;
        }
        default: {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          if (bytes.length == 0) break;
          int flips = 1 + random.nextInt(3);
          for (int f = 0; f < flips; f++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
          }
          if (s == steps - 1) return bytes; // keep invalid UTF-8 as bytes
          text = new String(bytes, StandardCharsets.UTF_8);
        }
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String swapType(String text, Random random) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = VALUE.matcher(text);
    while (m.find()) spans.add(new int[] {m.start(1), m.end(1)});
    if (spans.isEmpty()) return text;
    int[] span = spans.get(random.nextInt(spans.size()));
    return text.substring(0, span[0]) + REPLACEMENTS[random.nextInt(REPLACEMENTS.length)] + text.substring(span[1]);
  }

  private static String editLines(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = random.nextInt(lines.size());
    if (random.nextBoolean()) {
      lines.remove(i);
    } else {
      lines.add(i, lines.get(i));
    }
    return String.join("\n", lines);
  }
}
