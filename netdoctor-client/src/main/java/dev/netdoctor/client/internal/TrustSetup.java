package dev.netdoctor.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the trust the client verifies servers with.
 *
 * <ul>
 *   <li>Default: the JDK's trust store.</li>
 *   <li>{@code CustomCertificatePath}: the certificates of a PEM or DER file are trusted <em>in addition</em>
 *       to the JDK's; a chain is accepted when either trust accepts it, so public providers keep working.</li>
 *   <li>{@code IgnoreSSLErrors}: a trust manager that accepts every chain (the caller also disables hostname
 *       verification and warns loudly).</li>
 * </ul>
 */
public final class TrustSetup {
  private static final String KEY = "Network.CustomCertificatePath: ";

  private TrustSetup() {}

  /** The trust and its socket factory. */
  public record Trust(X509TrustManager trustManager, SSLSocketFactory socketFactory) {}

  /** Trust for the settings; {@code customCertificates} may be null. */
  public static Trust build(Path customCertificates, boolean ignoreErrors) throws IOException {
    X509TrustManager tm;
    if (ignoreErrors) {
      tm = new AcceptAll();
    } else {
      X509TrustManager system = fromKeyStore(null);
      tm = customCertificates == null ? system : new Composite(system, fromKeyStore(load(customCertificates)));
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {tm}, null);
      return new Trust(tm, context.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise TLS", e);
    }
  }

  /**
   * Reads every certificate of a PEM (one or more blocks) or DER file into a key store.
   *
   * @throws IOException naming the file when it cannot be read or holds no certificate
   */
  static KeyStore load(Path file) throws IOException {
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(file)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (CertificateException e) {
      throw new IOException(KEY + file + " is not a PEM or DER certificate (" + e.getMessage() + ")", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(KEY + file + " does not exist", e);
    } catch (IOException e) {
      throw new IOException(KEY + "cannot read " + file + " (" + e.getMessage() + ")", e);
    }
    if (certs.isEmpty()) throw new IOException(KEY + file + " contains no certificate");
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : certs) ks.setCertificateEntry("custom-" + i++, c);
      return ks;
    } catch (GeneralSecurityException e) {
      throw new IOException(KEY + file + ": " + e.getMessage(), e);
    }
  }

  private static X509TrustManager fromKeyStore(KeyStore ks) {
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(ks);
      for (TrustManager t : f.getTrustManagers()) {
        if (t instanceof X509TrustManager x) return x;
      }
      throw new IllegalStateException("no X509TrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise the trust store", e);
    }
  }

  /** Accepts a chain when the system trust or the custom trust does. */
  static final class Composite implements X509TrustManager {
    private final X509TrustManager system;
    private final X509TrustManager custom;

    Composite(X509TrustManager system, X509TrustManager custom) {
      this.system = system;
      this.custom = custom;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      system.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        system.checkServerTrusted(chain, authType);
      } catch (CertificateException first) {
        try {
          custom.checkServerTrusted(chain, authType);
        } catch (CertificateException second) {
          first.addSuppressed(second);
          throw first;
        }
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>(List.of(system.getAcceptedIssuers()));
      all.addAll(List.of(custom.getAcceptedIssuers()));
      return all.toArray(new X509Certificate[0]);
    }
  }

  /** IgnoreSSLErrors. */
  static final class AcceptAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
