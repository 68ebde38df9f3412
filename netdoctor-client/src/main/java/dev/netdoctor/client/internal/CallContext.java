package dev.netdoctor.client.internal;

import java.time.Instant;
import okhttp3.Request;

/**
 * Per-call state shared by the interceptors of one {@code ProviderClient} call, carried as a request tag.
 * Mutated only by the thread running the call.
 */
public final class CallContext {
  private final String provider;
  private final boolean local;
  private final boolean streaming;
  private final Instant deadline;
  /** Written only by the thread running the call; volatile for readers on other threads (logs, tests). */
  private volatile int attempts;
  private volatile boolean servedFromCache;
  private volatile String proxyChallenge;
  private volatile String proxyAuthCause;

  /**
   * @param provider the provider's settings name
   * @param local whether offline mode lets this provider through
   * @param streaming whether the caller reads the body as a stream (no total timeout, no cache)
   * @param deadline when the whole call must be over, or {@code null} for none
   */
  public CallContext(String provider, boolean local, boolean streaming, Instant deadline) {
    this.provider = provider;
    this.local = local;
    this.streaming = streaming;
    this.deadline = deadline;
  }

  /** The context of a request built by the client; fails loudly when the request bypassed it. */
  public static CallContext of(Request request) {
    CallContext c = request.tag(CallContext.class);
    if (c == null) throw new IllegalStateException("request has no CallContext: not sent through ProviderClient");
    return c;
  }

  public String provider() {
    return provider;
  }

  public boolean local() {
    return local;
  }

  public boolean streaming() {
    return streaming;
  }

  public Instant deadline() {
    return deadline;
  }

  /** Counts one more attempt on the wire; returns the new count. */
  @SuppressWarnings("NonAtomicOperationOnVolatileField") // one writer: the thread running the call
  public int attempted() {
    return ++attempts;
  }

  public int attempts() {
    return attempts;
  }

  public boolean servedFromCache() {
    return servedFromCache;
  }

  public void markServedFromCache() {
    servedFromCache = true;
  }

  /** The scheme of the last {@code Proxy-Authenticate} challenge seen, if any ({@code Basic}). */
  public String proxyChallenge() {
    return proxyChallenge;
  }

  public void proxyChallenge(String scheme) {
    proxyChallenge = scheme;
  }

  /** Why a proxy challenge went unanswered: a NET010 cause id, or null when it was answered. */
  public String proxyAuthCause() {
    return proxyAuthCause;
  }

  public void proxyAuthCause(String cause) {
    proxyAuthCause = cause;
  }
}
