package dev.netdoctor.client.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor for the connection settings OkHttp has no switch for.
 *
 * <ul>
 *   <li>{@code EnableConnectionReuse=false}: every request says {@code Connection: close} (and the pool keeps no
 *       idle connection), so each call opens its own connection.</li>
 *   <li>{@code ConnectionLifetime}: OkHttp has no maximum connection age, so the age is counted from the first
 *       request this interceptor sees on a connection; the first HTTP/1.1 request that finds its connection
 *       older than the lifetime says {@code Connection: close}, which retires the connection after that
 *       exchange. Approximate by design: a connection is never cut mid-request, and an HTTP/2 connection (where
 *       {@code Connection: close} is not allowed) is retired only by {@code ConnectionIdleTimeout}.</li>
 * </ul>
 */
public final class NetworkPolicyInterceptor implements Interceptor {
  private final boolean reuse;
  private final Duration lifetime;
  private final long lifetimeMillis;
  private final Clock clock;
  private final ClientLog log;
  /** Connection → first use; closed connections are pruned every {@link #PRUNE_EVERY} new connections. */
  private final Map<Connection, Long> firstSeen = new ConcurrentHashMap<>();
  private final AtomicInteger added = new AtomicInteger();
  private static final int PRUNE_EVERY = 64;

  public NetworkPolicyInterceptor(boolean reuse, Duration lifetime, Clock clock, ClientLog log) {
    this.reuse = reuse;
    this.lifetime = lifetime;
    this.lifetimeMillis = lifetime.toMillis();
    this.clock = clock;
    this.log = log;
  }

  /** Whether these settings need this interceptor at all (reuse on with no lifetime: nothing to do). */
  public static boolean needed(boolean reuse, Duration lifetime) {
    return !reuse || (!lifetime.isZero() && !lifetime.isNegative());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    boolean http1 = connection == null || connection.protocol() == Protocol.HTTP_1_1
        || connection.protocol() == Protocol.HTTP_1_0;
    if (!reuse && http1) {
      request = request.newBuilder().header("Connection", "close").build();
    } else if (connection != null && http1 && !lifetime.isZero() && !lifetime.isNegative()) {
      long now = clock.millis();
      Long born = firstSeen.get(connection);
      if (born == null) {
        born = now;
        Long raced = firstSeen.putIfAbsent(connection, born);
        if (raced != null) born = raced;
        if (added.incrementAndGet() % PRUNE_EVERY == 0) {
          firstSeen.keySet().removeIf(c -> c.socket().isClosed());
        }
      }
      if (now - born >= lifetimeMillis) {
        log.debug("connection to {} is older than ConnectionLifetime {} ms; retiring it after this request",
            request.url().host(), lifetime.toMillis());
        request = request.newBuilder().header("Connection", "close").build();
      }
    }
    return chain.proceed(request);
  }
}
