package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.RateLimiting;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code RateLimiting}: at most {@code MaxConcurrentRequests} calls in flight across all providers, at most
 * {@code QueueLimit} more waiting (first come, first served). A call that finds the queue full fails at once with
 * {@code NET017/queue-limit}; a call still waiting when its deadline passes fails with {@code NET004/total}. A
 * call keeps its slot through its retries. The slot is released when the response headers are back: a
 * streamed body is not counted while the caller reads it.
 */
public final class ConcurrencyInterceptor implements Interceptor {
  private final Semaphore slots;
  private final int queueLimit;
  private final int maxConcurrent;
  private final AtomicInteger waiting = new AtomicInteger();
  private final Clock clock;
  private final ClientLog log;

  public ConcurrencyInterceptor(RateLimiting limits, Clock clock, ClientLog log) {
    this.maxConcurrent = Math.max(1, limits.maxConcurrentRequests());
    this.slots = new Semaphore(maxConcurrent, true);
    this.queueLimit = Math.max(0, limits.queueLimit());
    this.clock = clock;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallContext context = CallContext.of(chain.request());
    if (!slots.tryAcquire()) {
      if (waiting.incrementAndGet() > queueLimit) {
        waiting.decrementAndGet();
        log.warn("local queue full: {} in flight, {} waiting; refusing a call to provider {}", maxConcurrent,
            queueLimit, context.provider());
        throw new ClientFailure("NET017", "queue-limit", 0, "the local request queue is full ("
            + maxConcurrent + " in flight, " + queueLimit + " waiting: RateLimiting.MaxConcurrentRequests/"
            + "QueueLimit); the call to provider " + context.provider() + " was refused without being sent");
      }
      try {
        Duration left = context.deadline() == null ? Duration.ofDays(1)
            : Duration.between(clock.instant(), context.deadline());
        if (left.isNegative() || !slots.tryAcquire(left.toNanos(), TimeUnit.NANOSECONDS)) {
          throw new ClientFailure("NET004", "total", 0, "the call to provider " + context.provider()
              + " timed out waiting in the local queue (RateLimiting.MaxConcurrentRequests=" + maxConcurrent + ")");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting in the local queue");
      } finally {
        waiting.decrementAndGet();
      }
    }
    try {
      return chain.proceed(chain.request());
    } finally {
      slots.release();
    }
  }

  /** Calls waiting for a slot right now. */
  public int waiting() {
    return waiting.get();
  }
}
