package dev.netdoctor.core.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code Resilience.CircuitBreaker} (a netdoctor addition): one breaker per provider. It opens when at least
 * {@link #failureRateThreshold()} percent of the last {@link #slidingWindowSize()} calls failed (and at least
 * {@link #minimumCalls()} were made), stays open for {@link #openDuration()}, then lets
 * {@link #halfOpenCalls()} trial calls through. Client-side timeouts and cancellations do not count as failures.
 *
 * @param enabled {@code Enabled}, default true
 * @param failureRateThreshold {@code FailureRateThreshold}, percent in (0, 100], default 50
 * @param slidingWindowSize {@code SlidingWindowSize}, calls, default 20
 * @param minimumCalls {@code MinimumCalls}, default 10
 * @param openDuration {@code OpenDuration}, milliseconds in the file, default 30 s
 * @param halfOpenCalls {@code HalfOpenCalls}, default 3
 */
public record CircuitBreaker(
    boolean enabled,
    int failureRateThreshold,
    int slidingWindowSize,
    int minimumCalls,
    Duration openDuration,
    int halfOpenCalls) {

  private static final CircuitBreaker DEFAULTS = new CircuitBreaker(true, 50, 20, 10, Duration.ofSeconds(30), 3);

  public CircuitBreaker {
    Objects.requireNonNull(openDuration, "openDuration");
  }

  public static CircuitBreaker defaults() {
    return DEFAULTS;
  }

  public CircuitBreaker withEnabled(boolean v) {
    return new CircuitBreaker(v, failureRateThreshold, slidingWindowSize, minimumCalls, openDuration, halfOpenCalls);
  }

  public CircuitBreaker withFailureRateThreshold(int v) {
    return new CircuitBreaker(enabled, v, slidingWindowSize, minimumCalls, openDuration, halfOpenCalls);
  }

  public CircuitBreaker withSlidingWindowSize(int v) {
    return new CircuitBreaker(enabled, failureRateThreshold, v, minimumCalls, openDuration, halfOpenCalls);
  }

  public CircuitBreaker withMinimumCalls(int v) {
    return new CircuitBreaker(enabled, failureRateThreshold, slidingWindowSize, v, openDuration, halfOpenCalls);
  }

  public CircuitBreaker withOpenDuration(Duration v) {
    return new CircuitBreaker(enabled, failureRateThreshold, slidingWindowSize, minimumCalls, v, halfOpenCalls);
  }

  public CircuitBreaker withHalfOpenCalls(int v) {
    return new CircuitBreaker(enabled, failureRateThreshold, slidingWindowSize, minimumCalls, openDuration, v);
  }
}
