package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingTest {
  @TempDir Path home;

  private String logsOfOneRetriedCall(Logging logging) throws Exception {
    try (TestKit.LogCapture logs = new TestKit.LogCapture(); MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      try (ProviderClient client = ProviderClient.builder(TestKit.settings(server, home).logging(logging).build())
          .sleeper(d -> { }).random(() -> 0.5).environment(Map.of()).build()) {
        client.callForText(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build());
      }
      return logs.all();
    }
  }

  @Test
  void debugShowsEachCallWithItsPhaseTimingsAndRedactedHeaders() throws Exception {
    String logs = logsOfOneRetriedCall(new Logging(Map.of("netdoctor.client", LogLevel.DEBUG)));
    assertThat(logs).contains("DEBUG netdoctor.client.http --> GET http://")
        .contains("Authorization: ***")
        .containsPattern("DEBUG netdoctor.client.http.phases GET .* -> 200 ok: dns=[-0-9.]+ connect=[-0-9.]+ "
            + "tls=- firstByte=[0-9.]+ total=[0-9.]+ ms")
        .contains("INFO netdoctor.client.retry GET")
        .contains("HTTP 503 on attempt 1; retrying in 100 ms")
        .doesNotContain(TestKit.API_KEY);
  }

  @Test
  void theSettingsLevelSilencesACategory() throws Exception {
    String logs = logsOfOneRetriedCall(new Logging(Map.of("Default", LogLevel.INFORMATION,
        "dev.netdoctor.client.retry", LogLevel.WARNING)));
    assertThat(logs).doesNotContain("netdoctor.client.retry").doesNotContain("DEBUG");
  }
}
