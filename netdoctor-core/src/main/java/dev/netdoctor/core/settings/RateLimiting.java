package dev.netdoctor.core.settings;

/**
 * The {@code RateLimiting} section: at most {@code maxConcurrentRequests} calls in flight, at most
 * {@code queueLimit} more waiting; a call that finds the queue full fails at once.
 *
 * @param maxConcurrentRequests {@code MaxConcurrentRequests}, default 5
 * @param queueLimit {@code QueueLimit}, default 20; 0 means no waiting at all
 */
public record RateLimiting(int maxConcurrentRequests, int queueLimit) {
  private static final RateLimiting DEFAULTS = new RateLimiting(5, 20);

  public static RateLimiting defaults() {
    return DEFAULTS;
  }

  public RateLimiting withMaxConcurrentRequests(int v) {
    return new RateLimiting(v, queueLimit);
  }

  public RateLimiting withQueueLimit(int v) {
    return new RateLimiting(maxConcurrentRequests, v);
  }
}
