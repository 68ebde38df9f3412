package dev.netdoctor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netdoctor.core.settings.RateLimiting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueTest {
  @TempDir Path home;
  private final MockWebServer server = new MockWebServer();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch arrived = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        arrived.countDown();
        release.await(10, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(200).body("{}").build();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void aFullQueueFailsAtOnceWithNet017() throws Exception {
    ProviderClient client = ProviderClient.builder(TestKit.settings(server, home)
        .rateLimiting(new RateLimiting(1, 1)).build()).build();
    CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> {
      try (Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
        return r.code();
      }
    });
    assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> queued = CompletableFuture.supplyAsync(() -> {
      try (Response r = client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build())) {
        return r.code();
      }
    });
    for (int i = 0; i < 200 && queuedWaiting(client) == 0; i++) Thread.sleep(5);

    long start = System.nanoTime();
    NetdoctorException e = catchThrowableOfType(NetdoctorException.class,
        () -> client.call(TestKit.PROVIDER, client.newRequest(TestKit.PROVIDER, "models").build()));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(e.code()).isEqualTo("NET017");
    assertThat(e.causeId()).hasValue("queue-limit");
    assertThat(e.attempts()).isZero();
    assertThat(e.isTransient()).isTrue();

    release.countDown();
    assertThat(inFlight.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(2);
    client.close();
  }

  private static int queuedWaiting(ProviderClient client) {
    return client.queueWaiting();
  }
}
