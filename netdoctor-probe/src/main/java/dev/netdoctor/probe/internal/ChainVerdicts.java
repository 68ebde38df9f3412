package dev.netdoctor.probe.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.X509TrustManager;

/**
 * The application's trust manager, asked once per run about each chain: a target's {@code tls} check (the JVM's
 * engine) and its timed exchange (the native engine, {@link NativeTls}) are shown the same chain by the same server
 * seconds apart, and the second verdict is the first's. Path validation is most of a handshake's CPU on the
 * client (two or three signature checks in Java), so on two cores six targets' second validations were time the
 * run waited for.
 *
 * <p>The key is the chain's exact encoding and the key-exchange type; the verdict (accepted, or the delegate's
 * exception, rethrown as is) is kept for the run only. Client chains are never accepted.
 */
public final class ChainVerdicts implements X509TrustManager {
  private final X509TrustManager delegate;
  private final Map<String, Optional<CertificateException>> verdicts = new ConcurrentHashMap<>();

  public ChainVerdicts(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  /** The trust manager whose verdicts these are. */
  public X509TrustManager delegate() {
    return delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    String key = key(chain, authType);
    Optional<CertificateException> known = verdicts.get(key);
    if (known == null) {
      try {
        delegate.checkServerTrusted(chain, authType);
        known = Optional.empty();
      } catch (CertificateException e) {
        known = Optional.of(e);
      }
      verdicts.putIfAbsent(key, known);
    }
    if (known.isPresent()) throw known.get();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("the probe never accepts client certificates");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private static String key(X509Certificate[] chain, String authType) throws CertificateException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (X509Certificate c : chain) {
        byte[] der = c.getEncoded();
        sha.update((byte) (der.length >>> 24));
        sha.update((byte) (der.length >>> 16));
        sha.update((byte) (der.length >>> 8));
        sha.update((byte) der.length);
        sha.update(der);
      }
      return authType + ":" + Base64.getEncoder().encodeToString(sha.digest());
    } catch (CertificateEncodingException e) {
      throw new CertificateException("a certificate of the chain cannot be encoded", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
