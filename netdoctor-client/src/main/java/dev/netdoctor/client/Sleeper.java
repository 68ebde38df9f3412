package dev.netdoctor.client;

import java.time.Duration;

/**
 * Waits between retries. Injectable so tests observe the waits instead of sitting through them.
 * Implementations must be thread-safe; {@link #SYSTEM} sleeps the calling thread.
 */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /** Blocks the calling thread for {@code duration}; throws if interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
