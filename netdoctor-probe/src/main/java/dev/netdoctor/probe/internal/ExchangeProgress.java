package dev.netdoctor.probe.internal;

import dev.netdoctor.probe.ProbeContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far a target's timed exchange (the {@code http} check, {@link HttpExchange#timed}) has got, so the target's
 * {@code tls} check can keep its own handshake, the JVM's and CPU-hungry in a fresh process, away from the timed one
 * and from a quick answer, yet run while a slow server is still thinking.
 *
 * <p>The engine says when a timed exchange is part of the plan ({@link #expect}); without that, nobody waits (a run
 * without the {@code http} check, or checks run one by one).
 */
public final class ExchangeProgress {
  /** How long after the timed handshake the answer may take before the {@code tls} check stops waiting for it. */
  public static final long QUIET_MS = 10;

  private volatile boolean expected;
  private final CompletableFuture<Long> handshakeEnded = new CompletableFuture<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  /** This target's progress. */
  public static ExchangeProgress of(ProbeContext ctx) {
    return ctx.shared(ExchangeProgress.class, ExchangeProgress::new);
  }

  /** A timed exchange will run for this target. Engine use, before the checks start. */
  public void expect() {
    expected = true;
  }

  /** The timed exchange's TLS handshake (or its TCP connect, for plain http) has ended, now. */
  void handshakeEnded() {
    handshakeEnded.complete(System.nanoTime());
  }

  /** The timed exchange is over (or will not happen), whatever its outcome. The {@code http} check's last word. */
  public void finished() {
    handshakeEnded.complete(System.nanoTime());
    finished.complete(null);
  }

  /**
   * Returns once the expected timed exchange is over, or its handshake ended {@link #QUIET_MS} ago and its answer is
   * still awaited, or {@code maxMillis} have passed; at once when no timed exchange is expected. Keeps an
   * interrupt.
   */
  public void awaitTurn(long maxMillis) {
    if (!expected || maxMillis <= 0) return;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    try {
      long ended = handshakeEnded.get(maxMillis, TimeUnit.MILLISECONDS);
      long quietUntil = Math.min(deadline, ended + TimeUnit.MILLISECONDS.toNanos(QUIET_MS));
      long wait = quietUntil - System.nanoTime();
      if (wait > 0) finished.get(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      // its turn came by the clock
    }
  }
}
