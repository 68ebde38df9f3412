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
import okhttp3.internal.connection.RealConnection;

/**
 * A network interceptor for the connection settings OkHttp has no switch for.
 *
 * <ul>
 *   <li>{@code EnableConnectionReuse=false}: every request says {@code Connection: close} (and the pool keeps no
 *       idle connection), so each call opens its own connection.</li>
 *   <li>{@code ConnectionLifetime}: OkHttp has no maximum connection age, so the age is counted from the first
 *       request this interceptor sees on a connection, and the first request that finds its connection older
 *       than the lifetime retires it: an HTTP/1.1 request says {@code Connection: close}, so both ends close it
 *       after that exchange; on an HTTP/2 connection (where {@code Connection: close} is not allowed) OkHttp is
 *       told to start no new stream on it, so the streams in flight finish and the pool closes it once idle.
 *       A connection is never cut mid-request; the age is exact to within one request.</li>
 * </ul>
 *
 * <p>Retiring an HTTP/2 connection uses OkHttp's {@code RealConnection.noNewExchanges()}, the call OkHttp itself
 * makes after a connection-level error. It is public but not part of OkHttp's stable API; a connection of any
 * other class (a future OkHttp) is left to the idle timeout, as before.
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
    } else if (connection != null && !lifetime.isZero() && !lifetime.isNegative()) {
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
            request.url().host(), lifetimeMillis);
        if (http1) {
          request = request.newBuilder().header("Connection", "close").build();
        } else if (connection instanceof RealConnection multiplexed) {
          multiplexed.noNewExchanges();
        }
      }
    }
    return chain.proceed(request);
  }
}
