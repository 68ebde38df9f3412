package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.CircuitBreaker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps one {@link Breaker} per provider around the whole call (retries included: one call, one outcome). An
 * open breaker fails the call at once with {@code NET021/open}. Provider failures are 5xx answers (529
 * included) and connections refused or reset; client-side timeouts, 4xx answers and the client's own refusals
 * are not held against the provider.
 */
public final class CircuitBreakerInterceptor implements Interceptor {
  private final CircuitBreaker config;
  private final Clock clock;
  private final ClientLog log;
  private final ConcurrentMap<String, Breaker> breakers = new ConcurrentHashMap<>();

  public CircuitBreakerInterceptor(CircuitBreaker config, Clock clock, ClientLog log) {
    this.config = config;
    this.clock = clock;
    this.log = log;
  }

  /** The breaker of {@code provider} (created closed on first use). */
  public Breaker breaker(String provider) {
    Breaker known = breakers.get(provider);
    return known != null ? known : breakers.computeIfAbsent(provider, p -> new Breaker(config, clock));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!config.enabled()) return chain.proceed(chain.request());
    CallContext context = CallContext.of(chain.request());
    Breaker breaker = breaker(context.provider());
    Optional<Duration> wait = breaker.tryAcquire();
    if (wait.isPresent()) {
      throw new ClientFailure("NET021", "open", 0, "the circuit breaker for provider " + context.provider()
          + " is open after repeated provider failures; next trial in " + wait.get().toSeconds() + " s");
    }
    Breaker.State before = breaker.state();
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      // The call's own total timeout cancels it by closing the socket, which shows here as a SocketException.
      if (!chain.call().isCanceled() && countsAgainstProvider(e)) {
        breaker.onProviderFailure();
      } else {
        breaker.onIgnored();
      }
      logTransition(context.provider(), before, breaker.state());
      throw e;
    }
    if (response.code() >= 500) {
      breaker.onProviderFailure();
    } else {
      breaker.onSuccess();
    }
    logTransition(context.provider(), before, breaker.state());
    return response;
  }

  private void logTransition(String provider, Breaker.State before, Breaker.State after) {
    if (before != after) log.warn("circuit breaker for provider {}: {} -> {}", provider, before, after);
  }

  /**
   * Refused, reset or cut connections and protocol errors are the provider's; timeouts, DNS, TLS trust and the
   * client's own refusals are not.
   */
  static boolean countsAgainstProvider(IOException e) {
    if (e instanceof ClientFailure || e instanceof InterruptedIOException) return false;
    if (e instanceof java.net.ConnectException || e instanceof java.io.EOFException
        || e instanceof java.net.ProtocolException) {
      return true;
    }
    if (e instanceof java.net.SocketException) return true;
    String m = e.getMessage();
    return m != null && (m.contains("unexpected end of stream") || m.contains("stream was reset"));
  }
}
