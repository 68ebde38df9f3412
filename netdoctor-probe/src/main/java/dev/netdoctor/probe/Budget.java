package dev.netdoctor.probe;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One time budget shared by every check of a run. All timeouts are carved from what remains, so a dead network
 * costs at most the budget, never the sum of 30-second defaults.
 *
 * <p>Thread-safe and immutable; the clock is a nanosecond ticker ({@link System#nanoTime} by default).
 */
public final class Budget {
  private final LongSupplier ticker;
  private final long startNanos;
  private final long deadlineNanos;
  private final Duration total;

  private Budget(LongSupplier ticker, Duration total) {
    this.ticker = ticker;
    this.total = total;
    this.startNanos = ticker.getAsLong();
    this.deadlineNanos = startNanos + total.toNanos();
  }

  public static Budget of(Duration total) {
    return of(total, System::nanoTime);
  }

  public static Budget of(Duration total, LongSupplier ticker) {
    if (total.isNegative() || total.isZero()) throw new IllegalArgumentException("budget must be positive: " + total);
    return new Budget(ticker, total);
  }

  public Duration total() {
    return total;
  }

  /** Time left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - ticker.getAsLong()));
  }

  public boolean exhausted() {
    return ticker.getAsLong() >= deadlineNanos;
  }

  /** Time since the budget started. */
  public Duration elapsed() {
    return Duration.ofNanos(ticker.getAsLong() - startNanos);
  }

  /**
   * A timeout for one step: {@code max}, or less when less remains; at least 1 ms so a socket timeout of 0 (which
   * means "forever" to the JDK) is never produced.
   */
  public Duration cap(Duration max) {
    Duration left = remaining();
    Duration d = left.compareTo(max) < 0 ? left : max;
    return d.toMillis() < 1 ? Duration.ofMillis(1) : d;
  }

  /** {@link #cap} in whole milliseconds, for socket APIs. */
  public int capMillis(Duration max) {
    return (int) Math.min(Integer.MAX_VALUE, cap(max).toMillis());
  }

  long nanoTime() {
    return ticker.getAsLong();
  }
}
