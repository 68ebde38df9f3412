package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.settings.LoadedSettings;
import dev.netdoctor.core.settings.SettingsException;
import dev.netdoctor.core.settings.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's client example, run verbatim against a loopback OpenAI-compatible server. */
class ReadmeExampleTest {
  @TempDir Path dir;

  // README-BEGIN
  static String askForAHaiku(Path settingsFile) throws SettingsException {
    LoadedSettings loaded = SettingsLoader.builder().file(settingsFile).build().load();
    loaded.warnings().forEach(w -> System.err.println(w));
    try (ProviderClient client = ProviderClient.create(loaded.settings())) {
      Request request = client.newRequest("OpenAI", "chat/completions")
          .post(RequestBody.create("""
              {"model": "gpt-4o-mini",
               "messages": [{"role": "user", "content": "Write a haiku about DNS."}]}
              """, MediaType.get("application/json")))
          .build();
      return client.callForText("OpenAI", request);
    } catch (NetdoctorException e) {
      // e.code() is NET002, NET009, AUTH005 ...; the message names the endpoint, never the key.
      System.err.println(e.getMessage());
      e.fixSteps().forEach(step -> System.err.println("  - " + step));
      throw e;
    }
  }
  // README-END

  @Test
  void theReadmeExampleCallsAnOpenAiCompatibleChatEndpoint() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "10")
          .body("{\"error\":{\"code\":\"rate_limit_exceeded\"}}").build());
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Names turn to numbers\"}}]}")
          .build());
      server.start();
      Path settings = seedSettingsFor(server);

      String answer = askForAHaiku(settings);

      assertThat(answer).contains("Names turn to numbers");
      RecordedRequest first = server.takeRequest();
      assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
      assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestKit.API_KEY);
      assertThat(first.getBody().utf8()).contains("gpt-4o-mini");
      assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
          .isEqualTo(first.getHeaders().get("Idempotency-Key"));
    }
  }

  @Test
  void theReadmeCarriesTheExampleVerbatim() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/netdoctor/client/ReadmeExampleTest.java"));
    String example = source.substring(source.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
        source.indexOf("  // README-END"));
    String readme = Files.readString(Path.of("..", "README.md"));
    String dedented = example.lines().map(l -> l.startsWith("  ") ? l.substring(2) : l)
        .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(readme).contains(dedented);
  }

  /**
   * The project's sample settings file (every key of the seed) pointed at {@code server}: the OpenAI base URL
   * and a test key, the cache under the test's directory, no company certificate.
   */
  private Path seedSettingsFor(MockWebServer server) throws Exception {
    String seed = Files.readString(Path.of("..", "examples", "appsettings.json"));
    String adapted = seed
        .replace("\"BaseUrl\": \"https://api.openai.com/v1\",", "\"BaseUrl\": \"" + server.url("/v1") + "\", "
            + "\"ApiKey\": \"" + TestKit.API_KEY + "\",")
        .replace("\"CacheDirectory\": \"~/.config/netdoctor/cache\"",
            "\"CacheDirectory\": \"" + dir.resolve("cache").toString().replace("\\", "\\\\") + "\"")
        .replaceAll("(?m)^\\s*\"CustomCertificatePath\".*$", "")
        .replace("\"RetryDelay\": 2000", "\"RetryDelay\": 10");
    assertThat(adapted).contains(server.url("/v1").toString());
    Path file = dir.resolve("appsettings.json");
    Files.writeString(file, adapted);
    return file;
  }
}
