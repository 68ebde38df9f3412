package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One provider's circuit breaker (count-based, as {@code Resilience.CircuitBreaker} describes): it opens when at
 * least {@code FailureRateThreshold}% of the last {@code SlidingWindowSize} recorded calls failed and at least
 * {@code MinimumCalls} were recorded; after {@code OpenDuration} it lets {@code HalfOpenCalls} trial calls through,
 * closing when all succeed and opening again at the first failure. Outcomes that say nothing about the provider
 * (client-side timeouts, 4xx answers, cancellations) are simply not recorded. Thread-safe.
 */
public final class Breaker {
  /** The states, as logged. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  private final CircuitBreaker config;
  private final Clock clock;
  private final boolean[] window;
  private int recorded;
  private int next;
  private int failures;
  /** Written under the lock; read without it by {@link #state()}. */
  private volatile State state = State.CLOSED;
  /**
   * Closed with a full window of successes: the common case, answered without taking the lock (another success
   * would replace a success and change nothing).
   */
  private volatile boolean allClear;
  private Instant openedAt;
  private int trialsLeft;
  private int trialSuccesses;

  public Breaker(CircuitBreaker config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.window = new boolean[Math.max(1, config.slidingWindowSize())];
  }

  /**
   * Asks to make a call. Returns empty when it may go ahead, else how long until the breaker lets a trial
   * through.
   */
  public java.util.Optional<Duration> tryAcquire() {
    if (!config.enabled() || allClear) return java.util.Optional.empty();
    synchronized (this) {
      return tryAcquireLocked();
    }
  }

  private java.util.Optional<Duration> tryAcquireLocked() {
    if (state == State.OPEN) {
      Duration elapsed = Duration.between(openedAt, clock.instant());
      if (elapsed.compareTo(config.openDuration()) < 0) {
        return java.util.Optional.of(config.openDuration().minus(elapsed));
      }
      state = State.HALF_OPEN;
      trialsLeft = Math.max(1, config.halfOpenCalls());
      trialSuccesses = 0;
    }
    if (state == State.HALF_OPEN) {
      allClear = false;
      if (trialsLeft == 0) return java.util.Optional.of(Duration.ZERO);
      trialsLeft--;
    }
    return java.util.Optional.empty();
  }

  /** Records a call that reached the provider and was answered sensibly. */
  public void onSuccess() {
    if (allClear) return; // a success in an all-success window changes nothing
    synchronized (this) {
      onSuccessLocked();
    }
  }

  private void onSuccessLocked() {
    if (state == State.HALF_OPEN) {
      if (++trialSuccesses >= Math.max(1, config.halfOpenCalls())) close();
      return;
    }
    record(false);
  }

  /** Records a failure the provider is responsible for (5xx, 529, refused or reset connection). */
  public synchronized void onProviderFailure() {
    if (state == State.HALF_OPEN) {
      open();
      return;
    }
    record(true);
    if (recorded >= Math.max(1, config.minimumCalls())
        && failures * 100 >= config.failureRateThreshold() * recorded) {
      open();
    }
  }

  /** Gives back a half-open trial permit for a call whose outcome is not recorded. */
  public synchronized void onIgnored() {
    if (state == State.HALF_OPEN) trialsLeft++;
  }

  /** The current state; lock-free, so reading it around every call costs no contention. */
  public State state() {
    return state;
  }

  private void record(boolean failed) {
    if (recorded == window.length) {
      if (window[next]) failures--;
    } else {
      recorded++;
    }
    window[next] = failed;
    if (failed) failures++;
    next = (next + 1) % window.length;
    allClear = state == State.CLOSED && failures == 0 && recorded == window.length;
  }

  private void open() {
    allClear = false;
    state = State.OPEN;
    openedAt = clock.instant();
    reset();
  }

  private void close() {
    state = State.CLOSED;
    reset();
  }

  private void reset() {
    recorded = 0;
    next = 0;
    failures = 0;
    java.util.Arrays.fill(window, false);
  }
}
