package dev.netdoctor.client.internal;

import dev.netdoctor.client.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one retry layer of the client (OkHttp's own is switched off with {@code retryOnConnectionFailure(false)}).
 *
 * <p>Retries what {@link RetryPolicy} allows, waiting the server's {@code retry-after-ms}/{@code Retry-After}
 * when given (a wait longer than the cap fails at once, naming the wait) and exponential backoff with jitter
 * otherwise. A POST carries one {@code Idempotency-Key} ({@link IdempotencyKey}), the same on every attempt. It never retries after
 * handing a response back: the body of a stream is read by the caller, outside this interceptor, so a stream
 * that has started is never sent again. A wait that would pass the call's deadline is not started.
 */
public final class RetryInterceptor implements Interceptor {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final ClientLog log;
  private final Redaction redaction;

  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random, ClientLog log,
      Redaction redaction) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.log = log;
    this.redaction = redaction;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext context = CallContext.of(request);
    if (policy.wantsIdempotencyKey(request)) {
      // ProviderClient adds the key when it tags the request; this covers a request that reached the chain
      // another way.
      request = request.newBuilder().header(IDEMPOTENCY_KEY, IdempotencyKey.next()).build();
    }
    for (int attempt = 1; ; attempt++) {
      context.attempted();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (attempt >= policy.maxAttempts() || !policy.retryable(e, chain.call().isCanceled())) throw e;
        Duration wait = policy.backoff().delay(attempt, random);
        if (!fitsDeadline(context, wait)) throw e;
        log.info("{} {}: attempt {} failed ({}); retrying in {} ms", request.method(),
            redaction.url(request.url()), attempt, e.getClass().getSimpleName(), wait.toMillis());
        sleep(wait);
        continue;
      }
      if (response.isSuccessful() || attempt >= policy.maxAttempts() || !policy.retryable(response)) {
        return response;
      }
      Optional<Duration> asked = RetryAfter.parse(response.headers(), clock.instant());
      if (asked.isPresent() && asked.get().compareTo(policy.cap()) > 0) {
        return response.newBuilder().header(OVER_CAP_HEADER, Long.toString(asked.get().toMillis())).build();
      }
      Duration wait = asked.isPresent() ? asked.get() : policy.backoff().delay(attempt, random);
      if (!fitsDeadline(context, wait)) return response;
      log.info("{} {}: HTTP {} on attempt {}; retrying in {} ms{}", request.method(),
          redaction.url(request.url()), response.code(), attempt, wait.toMillis(),
          asked.isPresent() ? " (server asked)" : "");
      response.close();
      sleep(wait);
    }
  }

  /**
   * Marks a response whose server asked for a wait longer than the cap; the value is the asked wait in ms. Read
   * by the failure translator, never sent on the wire.
   */
  public static final String OVER_CAP_HEADER = "X-Netdoctor-Retry-After-Over-Cap";

  private boolean fitsDeadline(CallContext context, Duration wait) {
    Instant deadline = context.deadline();
    return deadline == null || clock.instant().plus(wait).isBefore(deadline);
  }

  private void sleep(Duration wait) throws IOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
