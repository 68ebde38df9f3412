package dev.netdoctor.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.Report;
import dev.netdoctor.probe.DiagnosisListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiagnosisCacheTest {
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger runs = new AtomicInteger();
  private final List<Report> published = new ArrayList<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private Function<DiagnosisListener, Report> runner(CountDownLatch release) {
    return listener -> {
      runs.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Report(Report.SCHEMA, "test", Instant.ofEpochSecond(runs.get()), 1000, 1, false, Map.of(), Map.of(),
          List.of(), List.of());
    };
  }

  private DiagnosisCache cache(CountDownLatch release, Duration ttl) {
    return new DiagnosisCache(runner(release), ttl, nanos::get, executor, published::add);
  }

  @Test
  void callersArrivingDuringARunWaitForThatRun() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    DiagnosisCache cache = cache(release, Duration.ZERO);

    CompletableFuture<DiagnosisCache.Answer> a = cache.get(false);
    CompletableFuture<DiagnosisCache.Answer> b = cache.get(true);
    CompletableFuture<DiagnosisCache.Answer> c = cache.get(false);
    assertThat(cache.progress().running()).isTrue();
    release.countDown();

    Report r = a.get(10, TimeUnit.SECONDS).report();
    assertThat(b.get(10, TimeUnit.SECONDS).report()).isSameAs(r);
    assertThat(c.get(10, TimeUnit.SECONDS).report()).isSameAs(r);
    assertThat(runs.get()).isEqualTo(1);
    assertThat(published).containsExactly(r);
  }

  @Test
  void aReportIsReusedUntilItsTimeToLiveEnds() throws Exception {
    CountDownLatch release = new CountDownLatch(0);
    DiagnosisCache cache = cache(release, Duration.ofSeconds(10));

    Report first = cache.get(false).get(10, TimeUnit.SECONDS).report();
    nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    DiagnosisCache.Answer reused = cache.get(false).get(10, TimeUnit.SECONDS);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    DiagnosisCache.Answer expired = cache.get(false).get(10, TimeUnit.SECONDS);

    assertThat(reused.report()).isSameAs(first);
    assertThat(reused.reused()).isTrue();
    assertThat(reused.ageMs()).isEqualTo(9000);
    assertThat(expired.report()).isNotSameAs(first);
    assertThat(expired.reused()).isFalse();
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void freshSkipsTheReuse() throws Exception {
    DiagnosisCache cache = cache(new CountDownLatch(0), Duration.ofMinutes(1));

    Report first = cache.get(false).get(10, TimeUnit.SECONDS).report();
    Report fresh = cache.get(true).get(10, TimeUnit.SECONDS).report();

    assertThat(fresh).isNotSameAs(first);
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void aFailedRunIsNotCachedAndTheNextCallRunsAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    DiagnosisCache cache = new DiagnosisCache(l -> {
      if (calls.incrementAndGet() == 1) throw new IllegalStateException("boom");
      return new Report(Report.SCHEMA, "test", Instant.EPOCH, 1, 1, false, Map.of(), Map.of(), List.of(), List.of());
    }, Duration.ofMinutes(1), nanos::get, executor, r -> {});

    assertThat(cache.get(false)).failsWithin(Duration.ofSeconds(10));
    assertThat(cache.get(false).get(10, TimeUnit.SECONDS).report().tool()).isEqualTo("test");
    assertThat(cache.latestRefreshing()).isNotNull();
  }
}
