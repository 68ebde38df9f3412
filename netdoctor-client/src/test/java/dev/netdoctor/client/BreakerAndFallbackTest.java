package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.CircuitBreaker;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.Resilience;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

class BreakerAndFallbackTest {
  private static final CircuitBreaker BREAKER = CircuitBreaker.defaults().withSlidingWindowSize(4).withMinimumCalls(4)
      .withFailureRateThreshold(50).withOpenDuration(Duration.ofSeconds(30)).withHalfOpenCalls(1);
  private static final String BACKUP_KEY = "sk-backup-Lk3Jh5Gf7Ds9Aq1Wz";

  @TempDir Path home;
  private final MockWebServer primary = new MockWebServer();
  private final MockWebServer backup = new MockWebServer();
  private final TestKit.FakeClock clock = new TestKit.FakeClock();

  @BeforeEach
  void start() throws Exception {
    primary.start();
    backup.start();
  }

  @AfterEach
  void stop() {
    primary.close();
    backup.close();
  }

  private Settings.Builder settings(Map<String, String> fallbacks) {
    Settings.Builder b = TestKit.settings(primary, home);
    Settings base = b.build();
    Provider backupEntry = Provider.builder("Backup").baseUrl(URI.create(backup.url("/v1").toString()))
        .apiKey(Optional.of(Secret.of(BACKUP_KEY))).local(false).build();
    Providers providers = base.providers().toBuilder().put(backupEntry).build();
    return b.providers(providers).resilience(Resilience.builder().enableRetry(false).circuitBreaker(BREAKER)
        .fallbacks(fallbacks).build());
  }

  private ProviderClient client(Settings settings) {
    return ProviderClient.builder(settings).clock(clock).sleeper(d -> { }).build();
  }

  private static Request chat(ProviderClient client) {
    return client.newRequest(TestKit.PROVIDER, "chat/completions")
        .post(RequestBody.create("{\"model\":\"m\"}", MediaType.get("application/json"))).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{}").build();
  }

  @Test
  void theBreakerOpensAfterProviderErrorsAndRefusesAtOnce() throws Exception {
    try (ProviderClient client = client(settings(Map.of()).build())) {
      for (int i = 0; i < 4; i++) {
        primary.enqueue(status(500));
        assertThat(catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, chat(client)))
            .code()).isEqualTo("NET007");
      }
      assertThat(client.breakerState(TestKit.PROVIDER)).isEqualTo("OPEN");
      NetdoctorException open = catchThrowableOfType(NetdoctorException.class,
          () -> client.call(TestKit.PROVIDER, chat(client)));
      assertThat(open.code()).isEqualTo("NET021");
      assertThat(open.attempts()).isZero();
      assertThat(primary.getRequestCount()).isEqualTo(4);

      clock.advance(Duration.ofSeconds(31));
      primary.enqueue(status(200));
      client.call(TestKit.PROVIDER, chat(client)).close();
      assertThat(client.breakerState(TestKit.PROVIDER)).isEqualTo("CLOSED");
    }
  }

  @Test
  void clientSideTimeoutsAndClientErrorsDoNotOpenTheBreaker() throws Exception {
    Settings base = settings(Map.of()).build();
    Provider slow = base.providers().require(TestKit.PROVIDER).toBuilder().timeout(Duration.ofMillis(250)).build();
    Settings settings = base.toBuilder().providers(base.providers().toBuilder().put(slow).build()).build();
    try (ProviderClient client = client(settings)) {
      for (int i = 0; i < 4; i++) {
        primary.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build());
        assertThat(catchThrowableOfType(NetdoctorException.class, () -> client.call(TestKit.PROVIDER, chat(client)))
            .code()).isEqualTo("NET004");
      }
      for (int i = 0; i < 4; i++) {
        primary.enqueue(status(404));
        NetdoctorException e = catchThrowableOfType(NetdoctorException.class,
            () -> client.call(TestKit.PROVIDER, chat(client)));
        assertThat(e.httpStatus()).as("%s", e.getMessage()).hasValue(404);
      }
      assertThat(client.breakerState(TestKit.PROVIDER)).isEqualTo("CLOSED");
      primary.enqueue(status(200));
      client.call(TestKit.PROVIDER, chat(client)).close();
    }
  }

  @Test
  void aProviderSideFailureMovesTheCallToTheFallbackWithItsOwnCredentials() throws Exception {
    primary.enqueue(status(503));
    backup.enqueue(new MockResponse.Builder().code(200).body("{\"from\":\"backup\"}").build());
    try (ProviderClient client = client(settings(Map.of(TestKit.PROVIDER, "Backup")).build());
        Response r = client.call(TestKit.PROVIDER, chat(client))) {
      assertThat(r.body().string()).contains("backup");
    }
    RecordedRequest moved = backup.takeRequest();
    assertThat(moved.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(moved.getHeaders().get("Authorization")).isEqualTo("Bearer " + BACKUP_KEY);
    assertThat(moved.getBody().utf8()).isEqualTo("{\"model\":\"m\"}");
  }

  @Test
  void anOpenBreakerGoesStraightToTheFallback() throws Exception {
    try (ProviderClient client = client(settings(Map.of(TestKit.PROVIDER, "Backup")).build())) {
      for (int i = 0; i < 4; i++) {
        primary.enqueue(status(500));
        backup.enqueue(status(200));
        client.call(TestKit.PROVIDER, chat(client)).close();
      }
      backup.enqueue(status(200));
      client.call(TestKit.PROVIDER, chat(client)).close();
      assertThat(primary.getRequestCount()).isEqualTo(4);
      assertThat(backup.getRequestCount()).isEqualTo(5);
    }
  }

  @Test
  void aClientErrorDoesNotMoveToTheFallback() {
    primary.enqueue(status(401));
    try (ProviderClient client = client(settings(Map.of(TestKit.PROVIDER, "Backup")).build())) {
      NetdoctorException e = catchThrowableOfType(NetdoctorException.class,
          () -> client.call(TestKit.PROVIDER, chat(client)));
      assertThat(e.code()).isEqualTo("AUTH002");
      assertThat(backup.getRequestCount()).isZero();
    }
  }
}
