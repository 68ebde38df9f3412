package dev.netdoctor.probe.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.conscrypt.Conscrypt;

/**
 * The TLS engine the {@code http} check times its exchange with: BoringSSL through Conscrypt when its native
 * library loads on this machine, else the JVM's own (JSSE).
 *
 * <p>Why two engines: the {@code tls} check answers "does this JVM's TLS accept the server?", so it always uses JSSE,
 * with the JVM's versions, ciphers and policy. The {@code http} check answers "how long does each phase take?", and
 * its TLS phase is compared with curl's {@code time_appconnect}. In a process that started half a second earlier,
 * JSSE runs its handshake code in the interpreter and with C1 code for hundreds of handshakes (measured: 5–9 ms of
 * CPU per handshake for the first 25, against 1–2 ms for OpenSSL), so the JVM's own start-up would read as the
 * server's handshake time. BoringSSL's handshake is native code from the first one.
 *
 * <p>Certificate checks stay the application's: the context verifies with the given trust manager (its trust store,
 * {@code --cacert}, {@code Network.CustomCertificatePath}); the host name is checked by the HTTP client as before.
 * The provider is never installed in the JVM's provider list, so nothing else in the process changes engine.
 * {@code -Dnetdoctor.tls.engine=jsse} turns the native engine off.
 */
public final class NativeTls {
  /** The system property that chooses the engine: {@code auto} (default) or {@code jsse}. */
  public static final String ENGINE_PROPERTY = "netdoctor.tls.engine";

  private static volatile Availability availability;

  private NativeTls() {}

  /** Whether the native engine can be used, with the engine's name or the reason it cannot. */
  public record Availability(Optional<Provider> provider, String description) {
    public boolean available() {
      return provider.isPresent();
    }
  }

  /**
   * Whether the native engine is used now: not when {@link #ENGINE_PROPERTY} says {@code jsse} (read on every call),
   * else when its library loaded (once per JVM, about 20–40 ms). Never throws.
   */
  public static Availability availability() {
    String chosen = System.getProperty(ENGINE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    if (chosen.equals("jsse")) return new Availability(Optional.empty(), "JSSE (-D" + ENGINE_PROPERTY + "=jsse)");
    Availability a = availability;
    if (a != null) return a;
    synchronized (NativeTls.class) {
      if (availability == null) availability = load();
      return availability;
    }
  }

  private static Availability load() {
    try {
      if (!Conscrypt.isAvailable()) {
        return new Availability(Optional.empty(), "JSSE (no native TLS library for this platform)");
      }
      Provider p = Conscrypt.newProvider();
      Conscrypt.Version v = Conscrypt.version();
      return new Availability(Optional.of(p),
          "BoringSSL (Conscrypt " + v.major() + "." + v.minor() + "." + v.patch() + ")");
    } catch (RuntimeException | LinkageError e) {
      return new Availability(Optional.empty(), "JSSE (native TLS library did not load: " + e.getClass()
          .getSimpleName() + ")");
    }
  }

  /**
   * A fresh client context on the native engine verifying with {@code trust}: no session of an earlier exchange
   * can be resumed through it, so every handshake it makes is a full one, as curl's are.
   *
   * @throws IllegalStateException when the native engine is not {@linkplain #availability() available}
   */
  public static SSLContext newContext(X509TrustManager trust) throws GeneralSecurityException {
    Provider p = availability().provider().orElseThrow(() -> new IllegalStateException("no native TLS engine"));
    SSLContext ssl = SSLContext.getInstance("TLS", p);
    ssl.init(null, new TrustManager[] {new AuthTypeAdapter(trust)}, new SecureRandom());
    return ssl;
  }

  /**
   * Passes the chain to the application's trust manager under the key-exchange names the JDK's manager knows:
   * BoringSSL says {@code GENERIC} for TLS 1.3 (where the key exchange no longer depends on the certificate), which
   * the JDK's end-entity checks reject; JSSE says {@code UNKNOWN} in the same place.
   */
  static final class AuthTypeAdapter implements X509TrustManager {
    private final X509TrustManager delegate;

    AuthTypeAdapter(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("the probe never accepts client certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, "GENERIC".equals(authType) ? "UNKNOWN" : authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
