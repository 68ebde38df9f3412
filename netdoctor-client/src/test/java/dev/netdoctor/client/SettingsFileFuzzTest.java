package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.netdoctor.core.settings.LoadedSettings;
import dev.netdoctor.core.settings.SettingsException;
import dev.netdoctor.core.settings.SettingsLoader;
import dev.netdoctor.core.settings.SettingsProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever a settings file holds, loading it and building a client either works or fails with a
 * message that names the file and the line, or at least the key (core's checks across keys, the client's own
 * checks); never another exception. The inputs are seeded random edits of the sample file, so a failure is reproducible.
 */
class SettingsFileFuzzTest {
  private static final String[] JUNK = {"", "{", "}", "[", "\"", ",", ":", "null", "-1", "1e309", "\"abc\"", "true",
      "//", "/*", "\u0000", "0x10", "\"TLS99\"", "\"ftp://x\"", "[]", "{}", "99999999999999999999"};

  @TempDir Path dir;

  @Test
  void aMangledSettingsFileNeverCrashesAndAlwaysSaysWhere() throws Exception {
    String seed = Files.readString(Path.of("..", "examples", "appsettings.json"))
        .replaceAll("(?m)^\\s*\"CustomCertificatePath\".*$", "");
    Random random = new Random(20261122L);
    int rejected = 0;
    int accepted = 0;
    for (int i = 0; i < 150; i++) {
      String mangled = mangle(seed, random);
      Path file = dir.resolve("appsettings-" + i + ".json");
      Files.writeString(file, mangled);
      try {
        LoadedSettings loaded = SettingsLoader.builder().file(file).environment(Map.of()).systemProperties(Map.of())
            .userHome(dir).workingDirectory(dir).build().load();
        try (ProviderClient client = ProviderClient.builder(loaded.settings()).environment(Map.of()).build()) {
          assertThat(client.settings()).isNotNull();
          accepted++;
        } catch (NetdoctorException e) {
          assertThat(e.code()).as("edit %d", i).startsWith("CFG");
          assertThat(e.getMessage()).as("edit %d", i).containsPattern("Network\\.|Providers\\.|Resilience\\.");
          rejected++;
        }
      } catch (SettingsException e) {
        rejected++;
        assertThat(e.errors()).as("edit %d", i).isNotEmpty();
        for (SettingsProblem p : e.errors()) {
          // Located by file and line, or (for checks across keys) at least by the key path.
          boolean byLine = p.toString().contains(file.getFileName().toString()) && p.line() > 0;
          assertThat(byLine || !p.path().isEmpty()).as("edit %d: %s", i, p).isTrue();
        }
      } catch (RuntimeException e) {
        fail("edit %d crashed with %s; file:%n%s", i, e, mangled);
      }
    }
    assertThat(rejected).isPositive();
    assertThat(accepted).isPositive();
  }

  private static String mangle(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(2);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, JUNK[random.nextInt(JUNK.length)]);
        default -> {
          int colon = sb.indexOf(":", at);
          int end = colon < 0 ? -1 : indexOfAny(sb, colon + 1, ",\n}");
          if (end > colon && colon >= 0) sb.replace(colon + 1, end, " " + JUNK[random.nextInt(JUNK.length)]);
        }
      }
    }
    return sb.toString();
  }

  private static int indexOfAny(StringBuilder sb, int from, String chars) {
    for (int i = from; i < sb.length(); i++) if (chars.indexOf(sb.charAt(i)) >= 0) return i;
    return -1;
  }
}
