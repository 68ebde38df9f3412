package dev.netdoctor.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

  private static java.util.Optional<Duration> parse(String... namesAndValues) {
    return RetryAfter.parse(Headers.of(namesAndValues), NOW);
  }

  @Test
  void secondsIncludingFractions() {
    assertThat(parse("Retry-After", "7")).hasValue(Duration.ofSeconds(7));
    assertThat(parse("Retry-After", "1.5")).hasValue(Duration.ofMillis(1500));
  }

  @Test
  void anHttpDateIsTheTimeUntilThen() {
    assertThat(parse("Retry-After", "Sun, 22 Nov 2026 06:00:30 GMT")).hasValue(Duration.ofSeconds(30));
    assertThat(parse("Retry-After", "Sun, 22 Nov 2026 05:59:00 GMT")).hasValue(Duration.ZERO);
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    assertThat(parse("retry-after-ms", "125.5", "Retry-After", "30")).hasValue(Duration.ofNanos(125_500_000));
  }

  @Test
  void nonsenseCountsAsNotSaid() {
    assertThat(parse("Retry-After", "soon")).isEmpty();
    assertThat(parse("Retry-After", "-3")).isEmpty();
    assertThat(parse("Retry-After", "NaN")).isEmpty();
    assertThat(parse("retry-after-ms", "x")).isEmpty();
    assertThat(parse("retry-after-ms", "x", "Retry-After", "2")).hasValue(Duration.ofSeconds(2));
    assertThat(parse()).isEmpty();
  }
}
