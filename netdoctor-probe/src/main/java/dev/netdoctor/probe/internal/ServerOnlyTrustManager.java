package dev.netdoctor.probe.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Base of the probe's trust managers: a probe is always the client, so every client-certificate check is refused,
 * and the accepted issuers are those of the trust manager being wrapped.
 */
abstract class ServerOnlyTrustManager extends X509ExtendedTrustManager {
  protected final X509TrustManager delegate;

  ServerOnlyTrustManager(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
    throw new CertificateException("a probe never accepts client connections");
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
    throw new CertificateException("a probe never accepts client connections");
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
    throw new CertificateException("a probe never accepts client connections");
  }

  @Override
  public final X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
