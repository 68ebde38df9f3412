package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {
  @TempDir Path home;
  private final MockWebServer server = new MockWebServer();
  private ProviderClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ProviderClient.builder(TestKit.settings(server, home).build())
        .streamIdleTimeout(Duration.ofMillis(300)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Request chat() {
    return client.newRequest(TestKit.PROVIDER, "chat/completions")
        .post(RequestBody.create("{\"stream\":true}", MediaType.get("application/json"))).build();
  }

  @Test
  void eventsArePassedThroughInOrderUntilTheCleanEnd() throws Exception {
    server.enqueue(SseResponses.whole(": keep-alive\n\n", "event: delta\ndata: {\"a\":1}\nid: 7\n\n",
        "data: line one\ndata: line two\n\n", "data: [DONE]\n\n"));
    List<ServerSentEvent> events = new ArrayList<>();
    try (EventStream stream = client.stream(TestKit.PROVIDER, chat())) {
      for (Optional<ServerSentEvent> e = stream.next(); e.isPresent(); e = stream.next()) events.add(e.get());
    }
    assertThat(events).containsExactly(new ServerSentEvent("delta", "{\"a\":1}", "7"),
        new ServerSentEvent("", "line one\nline two", ""), new ServerSentEvent("", "[DONE]", ""));
    assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void aSilentStreamFailsWithTheIdleTimeout() {
    server.enqueue(SseResponses.stallAfter("data: first\n\n", 3_000, "data: late\n\n"));
    try (EventStream stream = client.stream(TestKit.PROVIDER, chat())) {
      assertThat(stream.next()).get().extracting(ServerSentEvent::data).isEqualTo("first");
      long start = System.nanoTime();
      NetdoctorException e = catchThrowableOfType(NetdoctorException.class, stream::next);
      assertThat(e.code()).isEqualTo("NET004");
      assertThat(e.causeId()).hasValue("idle-stream");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStreamRequestThatFailsBeforeTheBodyIsRetried() throws Exception {
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(503).build());
    server.enqueue(SseResponses.whole("data: ok\n\n"));
    ProviderClient quick = ProviderClient.builder(TestKit.settings(server, home).build())
        .sleeper(d -> { }).build();
    try (EventStream stream = quick.stream(TestKit.PROVIDER, chat())) {
      assertThat(stream.next()).get().extracting(ServerSentEvent::data).isEqualTo("ok");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
