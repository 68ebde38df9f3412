package dev.netdoctor.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.settings.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BreakerTest {
  private final DiskCacheTest.MutableClock clock = new DiskCacheTest.MutableClock();
  private final Breaker breaker = new Breaker(CircuitBreaker.defaults().withSlidingWindowSize(10).withMinimumCalls(4)
      .withFailureRateThreshold(50).withOpenDuration(Duration.ofSeconds(30)).withHalfOpenCalls(2), clock);

  @Test
  void staysClosedBelowTheMinimumNumberOfCalls() {
    for (int i = 0; i < 3; i++) breaker.onProviderFailure();
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
    breaker.onProviderFailure();
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
  }

  @Test
  void opensAtTheFailureRateNotBeforeIt() {
    for (int i = 0; i < 5; i++) breaker.onSuccess();
    for (int i = 0; i < 4; i++) breaker.onProviderFailure();
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED); // 4 of 9
    breaker.onProviderFailure();
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN); // 5 of 10
  }

  @Test
  void manySuccessesKeepAFewFailuresBelowTheRate() {
    for (int i = 0; i < 100; i++) breaker.onSuccess();
    for (int i = 0; i < 4; i++) breaker.onProviderFailure();
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED); // 4 of the last 10
    breaker.onProviderFailure();
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN); // 5 of the last 10
  }

  @Test
  void halfOpenLetsTrialsThroughAndClosesWhenTheyAllSucceed() {
    for (int i = 0; i < 4; i++) breaker.onProviderFailure();
    assertThat(breaker.tryAcquire()).isPresent();
    clock.now = clock.now.plus(Duration.ofSeconds(31));
    assertThat(breaker.tryAcquire()).isEmpty();
    assertThat(breaker.tryAcquire()).isEmpty();
    assertThat(breaker.tryAcquire()).isPresent(); // only two trials
    breaker.onSuccess();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
  }

  @Test
  void aFailedTrialOpensAgain() {
    for (int i = 0; i < 4; i++) breaker.onProviderFailure();
    clock.now = clock.now.plus(Duration.ofSeconds(31));
    assertThat(breaker.tryAcquire()).isEmpty();
    breaker.onProviderFailure();
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    assertThat(breaker.tryAcquire()).hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void aDisabledBreakerNeverRefuses() {
    Breaker off = new Breaker(CircuitBreaker.defaults().withEnabled(false), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    for (int i = 0; i < 50; i++) off.onProviderFailure();
    assertThat(off.tryAcquire()).isEmpty();
  }
}
