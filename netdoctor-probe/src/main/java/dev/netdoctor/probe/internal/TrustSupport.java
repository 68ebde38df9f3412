package dev.netdoctor.probe.internal;

import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.ProbeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificates the probes trust, mirroring the application: the JVM's default trust store, plus
 * {@code Network.CustomCertificatePath} when set, or exactly what {@code --cacert} (or a test) gives.
 */
public final class TrustSupport {
  private static volatile X509TrustManager jvmDefault;
  /** The subjects of the JVM's default anchors, named once (naming ~150 principals costs about a millisecond). */
  private static volatile Set<String> jvmRootSubjects;

  private TrustSupport() {}

  /** The trust manager the probes verify with, and a description of where it comes from. */
  public record Trust(X509TrustManager manager, String description) {}

  public static Trust resolve(Settings settings, ProbeOptions options, Map<String, String> systemProperties) {
    if (options.trust().isPresent()) return new Trust(options.trust().get(), "given trust manager (--cacert)");
    String store = jvmStoreDescription(systemProperties);
    if (settings.network().customCertificatePath().isPresent()) {
      Path p = settings.network().customCertificatePath().get();
      try {
        return new Trust(withExtra(p), store + " + Network.CustomCertificatePath " + p);
      } catch (IOException | GeneralSecurityException e) {
        return new Trust(jvmDefault(), store + " (Network.CustomCertificatePath " + p + " unreadable: "
            + e.getMessage() + ")");
      }
    }
    return new Trust(jvmDefault(), store);
  }

  /** The JVM's default trust manager (its cacerts, or {@code javax.net.ssl.trustStore}). */
  public static X509TrustManager jvmDefault() {
    X509TrustManager tm = jvmDefault;
    if (tm == null) {
      try {
        tm = fromKeyStore(null);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JVM has no usable default trust store", e);
      }
      jvmDefault = tm;
    }
    return tm;
  }

  /** Whether {@code cert}'s issuer is one of the JVM's default trust anchors (a "public root" for us). */
  public static boolean issuedByJvmRoot(X509Certificate cert) {
    Set<String> subjects = jvmRootSubjects;
    if (subjects == null) {
      Set<String> named = new HashSet<>();
      for (X509Certificate anchor : jvmDefault().getAcceptedIssuers()) {
        named.add(anchor.getSubjectX500Principal().getName());
      }
      subjects = Set.copyOf(named);
      jvmRootSubjects = subjects;
    }
    return subjects.contains(cert.getIssuerX500Principal().getName())
        || subjects.contains(cert.getSubjectX500Principal().getName());
  }

  /** {@code JVM default trust store /usr/lib/jvm/.../cacerts (147 roots)}. */
  public static String jvmStoreDescription(Map<String, String> systemProperties) {
    String explicit = systemProperties.get("javax.net.ssl.trustStore");
    String path = explicit != null ? explicit
        : Path.of(systemProperties.getOrDefault("java.home", System.getProperty("java.home")), "lib", "security",
            "cacerts").toString();
    int roots = jvmDefault().getAcceptedIssuers().length;
    return "JVM trust store " + path + " (" + roots + " roots)";
  }

  /** A trust manager over exactly the certificates in a PEM or DER file ({@code --cacert}). */
  public static X509TrustManager fromFile(Path file) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int i = 0;
    for (Certificate c : read(file)) ks.setCertificateEntry("cert-" + i++, c);
    if (i == 0) throw new GeneralSecurityException("no certificate in " + file);
    return fromKeyStore(ks);
  }

  private static X509TrustManager withExtra(Path file) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int i = 0;
    for (X509Certificate anchor : jvmDefault().getAcceptedIssuers()) ks.setCertificateEntry("jvm-" + i++, anchor);
    for (Certificate c : read(file)) ks.setCertificateEntry("custom-" + i++, c);
    return fromKeyStore(ks);
  }

  private static Collection<? extends Certificate> read(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
  }

  private static X509TrustManager fromKeyStore(KeyStore ks) throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) return x;
    }
    throw new GeneralSecurityException("no X509TrustManager");
  }
}
