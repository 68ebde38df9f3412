package dev.netdoctor.probe.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * One verifying TLS client context for a run, shared by the HTTP exchanges of every target that are not timed
 * (the {@code auth}, backend and CORS checks), so the context, its trust and the HTTP client's index of the
 * trusted roots are set up once per run instead of once per exchange. Every handshake on it verifies with the
 * application's trust manager and fails when that rejects the chain, so a session it keeps (and a later exchange
 * with the same server may resume) was verified.
 *
 * <p>Neither the {@code tls} check nor the {@code http} check uses it: the {@code tls} check needs a full handshake
 * on the JVM's engine every time, to see the whole chain even when it is rejected; the {@code http} check's
 * exchange is timed, and makes a full handshake of its own on the native engine ({@link NativeTls}), as curl does,
 * so its TLS phase is comparable with curl's {@code time_appconnect}.
 */
public final class TlsSessions {
  private volatile SSLContext context;
  private volatile X509TrustManager trust;
  private volatile OkHttpClient client;
  private final java.util.Map<X509TrustManager, ChainVerdicts> verdicts =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@code trust}, asked once per run about each chain ({@link ChainVerdicts}): the {@code tls} check and the timed
   * exchange of a target take their verdicts from here.
   */
  public X509TrustManager remembering(X509TrustManager trust) {
    if (trust instanceof ChainVerdicts) return trust;
    return verdicts.computeIfAbsent(trust, ChainVerdicts::new);
  }

  /** The run's context verifying with {@code trust} (the first caller's trust; a run has one trust). */
  public SSLContext context(X509TrustManager trust) {
    SSLContext c = context;
    if (c != null) return c;
    synchronized (this) {
      if (context == null) {
        try {
          SSLContext ssl = SSLContext.getInstance("TLS");
          ssl.init(null, new TrustManager[] {new Verifying(trust)}, new SecureRandom());
          this.trust = trust;
          context = ssl;
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("no TLS in this JVM", e);
        }
      }
      return context;
    }
  }

  /** The trust manager the context verifies with, once {@link #context} was called. */
  public X509TrustManager trust() {
    return trust;
  }

  /**
   * A client verifying with the run's context (see {@link #context}); callers derive theirs with
   * {@link OkHttpClient#newBuilder()} and must give it a dispatcher and connection pool of its own.
   */
  public OkHttpClient verifyingClient(X509TrustManager trust) {
    OkHttpClient c = client;
    if (c != null) return c;
    synchronized (this) {
      if (client == null) {
        SSLContext ssl = context(trust);
        client = new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), this.trust).build();
      }
      return client;
    }
  }

  /** Verifies server chains like the application: with its trust manager, failing on a rejected chain. */
  private static final class Verifying extends ServerOnlyTrustManager {
    Verifying(X509TrustManager delegate) {
      super(delegate);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      if (delegate instanceof X509ExtendedTrustManager x) x.checkServerTrusted(chain, authType, socket);
      else delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      if (delegate instanceof X509ExtendedTrustManager x) x.checkServerTrusted(chain, authType, engine);
      else delegate.checkServerTrusted(chain, authType);
    }
  }
}
