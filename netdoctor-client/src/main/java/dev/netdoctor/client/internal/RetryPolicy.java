package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.Resilience;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertPathValidatorException;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Response;

/**
 * Which outcomes are worth another attempt — the official OpenAI and Anthropic SDKs' rules, which are the
 * floor:
 * <ol>
 *   <li>{@code x-should-retry: true|false} from the server decides, whatever the status;</li>
 *   <li>408, 409, 429 and every 5xx (529 "overloaded" included) are retried, except a 429 whose body says the
 *       quota is exhausted ({@code insufficient_quota}): waiting does not refill a quota;</li>
 *   <li>connection failures (refused, reset, DNS, timeouts) are retried; certificate failures and a failed
 *       proxy authentication are not, because no attempt can change them; a call cancelled by its total timeout
 *       is not.</li>
 * </ol>
 */
public final class RetryPolicy {
  /** How much of an error body is read to tell a quota from a rate limit. */
  static final long PEEK_BYTES = 16 * 1024;

  private final int maxAttempts;
  private final Backoff backoff;

  public RetryPolicy(Resilience resilience) {
    this.maxAttempts = resilience.enableRetry() ? 1 + Math.max(0, resilience.maxRetryAttempts()) : 1;
    this.backoff = new Backoff(resilience.retryDelay(), resilience.backoffMultiplier(), resilience.jitterFactor(),
        resilience.maxRetryDelay());
  }

  /**
   * Whether {@code request} should carry an {@code Idempotency-Key}: a POST that may be sent more than once and
   * has no key of its own.
   */
  public boolean wantsIdempotencyKey(okhttp3.Request request) {
    return maxAttempts > 1 && "POST".equals(request.method())
        && request.header(RetryInterceptor.IDEMPOTENCY_KEY) == null;
  }

  /** Attempts in total, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Backoff backoff() {
    return backoff;
  }

  /** The longest server-requested wait the client accepts ({@code Resilience.MaxRetryDelay}). */
  public java.time.Duration cap() {
    return backoff.max();
  }

  /** Whether {@code response} (not yet consumed) should be retried; may peek at its body. */
  public boolean retryable(Response response) throws IOException {
    String should = response.header("x-should-retry");
    if (should != null) {
      if (should.trim().equalsIgnoreCase("true")) return true;
      if (should.trim().equalsIgnoreCase("false")) return false;
    }
    int code = response.code();
    if (code == 429) return !quotaExhausted(response);
    return code == 408 || code == 409 || code >= 500;
  }

  /** Whether a 429 is an exhausted quota rather than a rate limit. */
  public static boolean quotaExhausted(Response response) throws IOException {
    String body = response.peekBody(PEEK_BYTES).string().toLowerCase(Locale.ROOT);
    return body.contains("insufficient_quota") || body.contains("quota_exceeded")
        || body.contains("exceeded your current quota");
  }

  /** Whether a transport failure should be retried. */
  public boolean retryable(IOException failure, boolean canceled) {
    if (canceled || failure instanceof ClientFailure) return false;
    if (failure instanceof InterruptedIOException && !(failure instanceof java.net.SocketTimeoutException)) {
      return false; // an interrupted thread or the call's own total timeout
    }
    if (failure instanceof SSLPeerUnverifiedException) return false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CertificateException || t instanceof CertPathValidatorException) return false;
      String m = t.getMessage();
      if (m != null && m.startsWith("Failed to authenticate with proxy")) return false;
      if (t.getCause() == t) break;
    }
    return true;
  }
}
