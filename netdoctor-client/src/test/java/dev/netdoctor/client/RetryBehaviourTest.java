package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.Resilience;
import dev.netdoctor.core.settings.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryBehaviourTest {
  @TempDir Path home;
  private final MockWebServer server = new MockWebServer();
  private final TestKit.FakeClock clock = new TestKit.FakeClock();
  private final TestKit.RecordingSleeper sleeper = new TestKit.RecordingSleeper(clock);
  private ProviderClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = client(TestKit.settings(server, home).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private ProviderClient client(Settings settings) {
    return ProviderClient.builder(settings).clock(clock).sleeper(sleeper).random(() -> 0.5).build();
  }

  private Request post() {
    return post(client);
  }

  private static Request post(ProviderClient client) {
    return client.newRequest(TestKit.PROVIDER, "chat/completions")
        .post(RequestBody.create("{\"model\":\"m\"}", MediaType.get("application/json"))).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"error\":{\"message\":\"status " + code + "\"}}").build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoffUntilSuccess() throws Exception {
    server.enqueue(status(500));
    server.enqueue(status(503));
    server.enqueue(ok());
    try (Response r = client.call(TestKit.PROVIDER, post())) {
      assertThat(r.body().string()).contains("ok");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void jitterSpreadsTheWaitWithinTheFactor() throws Exception {
    server.enqueue(status(500));
    server.enqueue(ok());
    ProviderClient low = ProviderClient.builder(TestKit.settings(server, home).build()).clock(clock).sleeper(sleeper)
        .random(() -> 0.0).build();
    low.call(TestKit.PROVIDER, post(low)).close();
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(80));
  }

  @Test
  void requestTimeoutConflictAndOverloadedAreRetried() throws Exception {
    server.enqueue(status(408));
    server.enqueue(status(409));
    server.enqueue(status(529));
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void retryAfterInSecondsIsHonoured() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
        .body("{\"error\":{\"code\":\"rate_limit_exceeded\"}}").build());
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(5).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", date).build());
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterMsTakesPrecedenceOverRetryAfter() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "250")
        .setHeader("Retry-After", "10").build());
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void aWaitOverTheCapFailsAtOnceWithTheCodeAndTheWait() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120")
        .body("{\"error\":{\"type\":\"requests\",\"code\":\"rate_limit_exceeded\",\"message\":\"Rate limit reached\"}}")
        .build());
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, post()));
    assertThat(e.code()).isEqualTo("AUTH006");
    assertThat(e.getMessage()).contains("120.0 s").contains("cap");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.httpStatus()).hasValue(429);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void xShouldRetryFalseStopsARetryOfAServerError() {
    server.enqueue(new MockResponse.Builder().code(500).setHeader("x-should-retry", "false").build());
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, post()));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void xShouldRetryTrueRetriesEvenABadRequest() throws Exception {
    server.enqueue(new MockResponse.Builder().code(400).setHeader("x-should-retry", "true").build());
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anExhaustedQuotaIsNotRetried() {
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":{\"message\":\"You exceeded your current "
        + "quota, please check your plan and billing details.\",\"type\":\"insufficient_quota\","
        + "\"param\":null,\"code\":\"insufficient_quota\"}}").build());
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, post()));
    assertThat(e.code()).isEqualTo("AUTH005");
    assertThat(e.isTransient()).isFalse();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRateLimitIsRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":{\"message\":\"Rate limit reached for "
        + "requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").build());
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.enqueue(status(400));
    assertThatThrownBy(() -> client.call(TestKit.PROVIDER, post())).isInstanceOf(NetdoctorException.class);
    server.enqueue(status(401));
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, post()));
    assertThat(e.code()).isEqualTo("AUTH002");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theIdempotencyKeyIsIdenticalAcrossAttempts() throws Exception {
    server.enqueue(status(500));
    server.enqueue(status(502));
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    String first = server.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(first).isNotBlank();
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(first);
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(first);
  }

  @Test
  void eachPostGetsItsOwnIdempotencyKey() throws Exception {
    server.enqueue(ok());
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, post()).close();
    client.call(TestKit.PROVIDER, post()).close();
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isNotEqualTo(server.takeRequest().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void attemptsAreCountedWhenEveryAttemptFails() {
    for (int i = 0; i < 4; i++) server.enqueue(status(500));
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, post()));
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.code()).isEqualTo("NET007");
    assertThat(e.isTransient()).isTrue();
    assertThat(e.fixSteps()).hasSameSizeAs(dev.netdoctor.core.codes.CodeRegistry.builtIn().require("NET007")
        .fixStepsFor(dev.netdoctor.core.codes.Os.current()));
    assertThat(String.join("\n", e.fixSteps())).as("fix steps name the endpoint called, not a placeholder")
        .containsPattern("-I http://[^ ]+:" + server.getPort() + "/\\S*chat/completions")
        .doesNotContain("<url>", "<host>", "<port>", "<Name>");
    assertThat(e.getMessage()).contains("4 attempts");
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void connectionFailuresAreRetriedThenClassified() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProviderClient refused = client(TestKit.settings(URI.create("http://127.0.0.1:" + port + "/v1"), home).build());
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class,
        () -> refused.call(TestKit.PROVIDER, refused.newRequest(TestKit.PROVIDER, "models").build()));
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.code()).isEqualTo("NET008");
    assertThat(e.httpStatus()).isEmpty();
  }

  @Test
  void noRetryWhenRetriesAreDisabled() {
    server.enqueue(status(503));
    ProviderClient noRetry = client(TestKit.settings(server, home)
        .resilience(Resilience.builder().enableRetry(false).build()).build());
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> noRetry.call(TestKit.PROVIDER, post(noRetry)));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void okHttpDoesNotRetryBehindOurBack() throws Exception {
    server.enqueue(new MockResponse.Builder().onRequestStart(new mockwebserver3.SocketEffect.CloseSocket())
        .build());
    ProviderClient noRetry = client(TestKit.settings(server, home)
        .resilience(Resilience.builder().enableRetry(false).build()).build());
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class, () -> noRetry.call(TestKit.PROVIDER, post(noRetry)));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStreamIsNeverRetriedOnceItStarted() throws Exception {
    try (RawServer raw = new RawServer(SseResponses.CUT_STREAM)) {
      ProviderClient c = client(TestKit.settings(URI.create(raw.url("/v1")), home).build());
      try (EventStream stream = c.stream(TestKit.PROVIDER, post(c))) {
        assertThat(stream.next()).get().extracting(ServerSentEvent::data).isEqualTo("{\"delta\":\"Hel\"}");
        assertThat(stream.next()).get().extracting(ServerSentEvent::data).isEqualTo("{\"delta\":\"lo\"}");
        NetdoctorException e = catchThrowableOfType(NetdoctorException.class, stream::next);
        assertThat(e.code()).isEqualTo("NET018");
        assertThat(e.causeId()).hasValue("stream-cut");
        assertThat(e.attempts()).isEqualTo(1);
      }
      assertThat(raw.requests.get()).isEqualTo(1);
    }
  }

  @Test
  void aGetHasNoIdempotencyKey() throws Exception {
    server.enqueue(ok());
    client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build()).close();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestKit.API_KEY);
  }
}
