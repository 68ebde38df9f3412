package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With logging at Information the debug-only work is left out; nothing the application asked for is. */
class QuietLoggingTest {
  @TempDir Path home;

  @Test
  void atInformationNoDebugLineIsWrittenAndTheApplicationsEventListenerStillSeesEveryCall() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EventListener listener = new EventListener() {
      @Override public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        events.add("connect");
      }

      @Override public void callEnd(Call call) {
        events.add("end " + call.request().url().encodedPath());
      }
    };
    try (TestKit.LogCapture logs = new TestKit.LogCapture(); MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      try (ProviderClient client = ProviderClient.builder(TestKit.settings(server, home)
              .logging(new Logging(Map.of("Default", LogLevel.INFORMATION))).build())
          .sleeper(d -> { }).random(() -> 0.5).environment(Map.of()).eventListener(listener).build()) {
        RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));
        client.callForText(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "chat/completions").post(body)
            .build());
        client.callForText(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build());
      }
      assertThat(events).containsExactly("connect", "end /v1/chat/completions", "end /v1/models");
      assertThat(logs.all()).contains("INFO netdoctor.client.retry POST").contains("HTTP 503 on attempt 1")
          .doesNotContain("DEBUG");
      // The retried POST kept its key; the GET has none.
      String key = server.takeRequest().getHeaders().get("Idempotency-Key");
      assertThat(key).startsWith("netdoctor-retry-");
      assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
      assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isNull();
    }
  }
}
