package dev.netdoctor.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code Network.MaxConnectionsPerServer} for the client's synchronous calls: at most that many calls in flight
 * to one host and port, so at most that many connections to it. (OkHttp's dispatcher limit only applies to
 * asynchronous calls; it is set too.) A call waits for a permit until its deadline, then fails with
 * {@code NET004/total}. The permit is held until the response headers are back.
 */
public final class HostLimitInterceptor implements Interceptor {
  private final int perServer;
  private final Clock clock;
  private final ConcurrentMap<String, Semaphore> hosts = new ConcurrentHashMap<>();
  /** The host of the last call and its permits: most clients talk to one host, so most calls find it here. */
  private volatile Host last;

  private record Host(String name, int port, Semaphore permits) {}

  public HostLimitInterceptor(int perServer, Clock clock) {
    this.perServer = Math.max(1, perServer);
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    Semaphore permits = permitsFor(url);
    try {
      if (!permits.tryAcquire()) {
        CallContext context = CallContext.of(chain.request());
        Duration left = context.deadline() == null ? Duration.ofDays(1)
            : Duration.between(clock.instant(), context.deadline());
        if (left.isNegative() || !permits.tryAcquire(left.toNanos(), TimeUnit.NANOSECONDS)) {
          throw new ClientFailure("NET004", "total", 0, "timed out waiting for one of the "
              + perServer + " connections to " + url.host() + " (Network.MaxConnectionsPerServer)");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection permit");
    }
    try {
      return chain.proceed(chain.request());
    } finally {
      permits.release();
    }
  }

  private Semaphore permitsFor(HttpUrl url) {
    Host seen = last;
    if (seen != null && seen.port == url.port() && seen.name.equals(url.host())) return seen.permits;
    Semaphore permits = hosts.computeIfAbsent(url.host() + ":" + url.port(), h -> new Semaphore(perServer, true));
    last = new Host(url.host(), url.port(), permits);
    return permits;
  }
}
