package dev.netdoctor.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustSetupTest {
  @TempDir Path dir;

  @Test
  void aCustomCertificateIsAddedToThePublicRootsNotSubstitutedForThem() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("corp root").build();
    Path pem = dir.resolve("corp.pem");
    Files.writeString(pem, root.certificatePem());
    X509TrustManager tm = TrustSetup.build(pem, false).trustManager();

    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init((KeyStore) null);
    X509Certificate[] jdk = ((X509TrustManager) f.getTrustManagers()[0]).getAcceptedIssuers();
    assertThat(jdk).isNotEmpty();
    assertThat(tm.getAcceptedIssuers()).contains(jdk).contains(root.certificate());
    assertThat(tm.getAcceptedIssuers()).hasSize(jdk.length + 1);
  }

  @Test
  void aPublicChainStillPassesTheCompositeTrust() throws Exception {
    // A chain ending in one of the JDK's own roots (self-signed root presented alone) is accepted by the
    // default half of the composite; the custom half is never asked.
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init((KeyStore) null);
    X509Certificate publicRoot = Arrays.stream(((X509TrustManager) f.getTrustManagers()[0]).getAcceptedIssuers())
        .filter(c -> c.getPublicKey().getAlgorithm().equals("RSA"))
        .filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
        .filter(c -> c.getNotAfter().getTime() > System.currentTimeMillis())
        .findFirst().orElseThrow();
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    Path pem = dir.resolve("corp.pem");
    Files.writeString(pem, root.certificatePem());
    X509TrustManager tm = TrustSetup.build(pem, false).trustManager();
    tm.checkServerTrusted(new X509Certificate[] {publicRoot}, "RSA");
  }
}
