package dev.netdoctor.client.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: before retry {@code n} (1-based) wait
 * {@code base × multiplier^(n-1)}, spread uniformly by ±{@code jitter} of itself, capped at {@code max}.
 *
 * @param base {@code Resilience.RetryDelay}
 * @param multiplier {@code Resilience.BackoffMultiplier}, at least 1
 * @param jitter {@code Resilience.JitterFactor}, 0..1
 * @param max {@code Resilience.MaxRetryDelay}
 */
public record Backoff(Duration base, double multiplier, double jitter, Duration max) {

  /** The wait before retry {@code retry} (1-based); {@code random} yields values in [0, 1). */
  public Duration delay(int retry, DoubleSupplier random) {
    double millis = base.toNanos() / 1e6 * Math.pow(Math.max(1, multiplier), Math.max(0, retry - 1));
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    double capped = Math.min(millis * spread, max.toNanos() / 1e6);
    return Duration.ofNanos((long) (Math.max(0, capped) * 1e6));
  }
}
