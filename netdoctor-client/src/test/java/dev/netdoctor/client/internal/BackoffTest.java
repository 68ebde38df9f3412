package dev.netdoctor.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), 2, 0.2, Duration.ofSeconds(60));

  @Test
  void growsExponentiallyFromTheRetryDelay() {
    assertThat(backoff.delay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void jitterStaysWithinTheFactor() {
    assertThat(backoff.delay(1, () -> 0.0)).isEqualTo(Duration.ofMillis(1600));
    assertThat(backoff.delay(1, () -> 0.999999)).isBetween(Duration.ofMillis(2399), Duration.ofMillis(2400));
  }

  @Test
  void neverExceedsTheCap() {
    assertThat(backoff.delay(10, () -> 0.99)).isEqualTo(Duration.ofSeconds(60));
  }
}
