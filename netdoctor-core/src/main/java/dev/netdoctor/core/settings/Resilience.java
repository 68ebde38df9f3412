package dev.netdoctor.core.settings;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code Resilience} section: the client's retry policy (seed 000), plus the netdoctor additions
 * {@code MaxRetryDelay}, {@code JitterFactor}, {@code CircuitBreaker} and {@code Fallbacks}.
 *
 * <p>The delay before retry <i>n</i> (1-based) is {@code retryDelay × backoffMultiplier^(n-1)}, spread by
 * ±{@code jitterFactor}, capped at {@code maxRetryDelay}; a server's {@code Retry-After} replaces it, also capped.
 *
 * @param enableRetry {@code EnableRetry}, default true
 * @param maxRetryAttempts {@code MaxRetryAttempts}: retries after the first attempt, default 3
 * @param retryDelay {@code RetryDelay}: milliseconds in the file, default 2 s (seed 000's example)
 * @param backoffMultiplier {@code BackoffMultiplier}, at least 1, default 2
 * @param maxRetryDelay {@code MaxRetryDelay} (addition): milliseconds, default 60 s
 * @param jitterFactor {@code JitterFactor} (addition): 0 to 1, default 0.2
 * @param circuitBreaker {@code CircuitBreaker} (addition)
 * @param fallbacks {@code Fallbacks} (addition): provider name → the provider to use when it is unavailable
 */
public record Resilience(
    boolean enableRetry,
    int maxRetryAttempts,
    Duration retryDelay,
    double backoffMultiplier,
    Duration maxRetryDelay,
    double jitterFactor,
    CircuitBreaker circuitBreaker,
    Map<String, String> fallbacks) {

  private static final Resilience DEFAULTS = new Builder().build();

  public Resilience {
    Objects.requireNonNull(retryDelay, "retryDelay");
    Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    fallbacks = Collections.unmodifiableMap(new LinkedHashMap<>(fallbacks));
  }

  public static Resilience defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Resilience}; starts from the defaults. */
  public static final class Builder {
    private boolean enableRetry = true;
    private int maxRetryAttempts = 3;
    private Duration retryDelay = Duration.ofMillis(2_000);
    private double backoffMultiplier = 2.0;
    private Duration maxRetryDelay = Duration.ofMillis(60_000);
    private double jitterFactor = 0.2;
    private CircuitBreaker circuitBreaker = CircuitBreaker.defaults();
    private Map<String, String> fallbacks = Map.of();

    private Builder() {}

    private Builder(Resilience r) {
      enableRetry = r.enableRetry;
      maxRetryAttempts = r.maxRetryAttempts;
      retryDelay = r.retryDelay;
      backoffMultiplier = r.backoffMultiplier;
      maxRetryDelay = r.maxRetryDelay;
      jitterFactor = r.jitterFactor;
      circuitBreaker = r.circuitBreaker;
      fallbacks = r.fallbacks;
    }

    public Builder enableRetry(boolean v) { enableRetry = v; return this; }
    public Builder maxRetryAttempts(int v) { maxRetryAttempts = v; return this; }
    public Builder retryDelay(Duration v) { retryDelay = v; return this; }
    public Builder backoffMultiplier(double v) { backoffMultiplier = v; return this; }
    public Builder maxRetryDelay(Duration v) { maxRetryDelay = v; return this; }
    public Builder jitterFactor(double v) { jitterFactor = v; return this; }
    public Builder circuitBreaker(CircuitBreaker v) { circuitBreaker = v; return this; }
    public Builder fallbacks(Map<String, String> v) { fallbacks = v; return this; }

    public Resilience build() {
      return new Resilience(enableRetry, maxRetryAttempts, retryDelay, backoffMultiplier, maxRetryDelay,
          jitterFactor, circuitBreaker, fallbacks);
    }
  }
}
