package dev.netdoctor.probe.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Records the chain a server presents and the verdict of the real trust manager, then lets the handshake finish
 * whatever the verdict, so the probe learns the version, the cipher and the whole chain even from a server it
 * would not trust. The probe sends no application data over such a connection.
 *
 * <p>Verification is the delegate's {@code checkServerTrusted(chain, authType)}: path building, validity dates and
 * constraints, but not the host name, which the probe checks separately.
 */
public final class CapturingTrustManager extends ServerOnlyTrustManager {
  private volatile List<X509Certificate> chain = List.of();
  private volatile CertificateException failure;
  private volatile boolean checked;

  public CapturingTrustManager(X509TrustManager delegate) {
    super(delegate);
  }

  public List<X509Certificate> chain() {
    return chain;
  }

  /** The delegate's rejection, or null when it accepted the chain (or no chain was seen). */
  public CertificateException failure() {
    return failure;
  }

  /** Whether a server chain was seen at all. */
  public boolean checked() {
    return checked;
  }

  private void capture(X509Certificate[] presented, String authType) {
    chain = List.of(presented);
    checked = true;
    try {
      delegate.checkServerTrusted(presented, authType);
    } catch (CertificateException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = new CertificateException(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType) {
    capture(presented, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
    capture(presented, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
    capture(presented, authType);
  }




}
