package dev.netdoctor.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/**
 * The https warm-up: a real in-memory TLS handshake with a throwaway key, a client call that connects nowhere, and
 * https calls on the native engine to a loopback server of the warm-up's own, run once per JVM, never failing a
 * check.
 */
class HttpsWarmupTest {

  @Test
  void throwawayCertificateIsSelfSignedAndCurrentlyValid() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = kpg.generateKeyPair();

    X509Certificate cert = WarmupPki.selfSigned(pair);

    cert.checkValidity();
    cert.verify(pair.getPublic()); // signed by its own key
    assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=netdoctor TLS warm-up");
    assertThat(cert.getPublicKey()).isEqualTo(pair.getPublic());
  }

  @Test
  void warmUpChainIsALeafIssuedByItsRootAndValidatesThroughPkix() throws Exception {
    WarmupPki.Chain chain = WarmupPki.Chain.create();

    chain.leaf().verify(chain.root().getPublicKey()); // signed by the root, not by itself
    assertThat(chain.leaf().getIssuerX500Principal()).isEqualTo(chain.root().getSubjectX500Principal());
    assertThat(chain.leaf().getSubjectX500Principal()).isNotEqualTo(chain.leaf().getIssuerX500Principal());
    java.security.KeyStore anchors = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    anchors.load(null, null);
    anchors.setCertificateEntry("root", chain.root());
    javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
    tmf.init(anchors);
    javax.net.ssl.X509TrustManager pkix = (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0];
    assertThatCode(() -> pkix.checkServerTrusted(new X509Certificate[] {chain.leaf(), chain.root()}, "UNKNOWN"))
        .doesNotThrowAnyException();
  }

  @Test
  void inMemoryHandshakeCompletes() {
    // throws when the two engines do not reach the end of a handshake (bounded in steps)
    assertThatCode(HttpsWarmup::handshakeInMemory).doesNotThrowAnyException();
  }

  @Test
  void httpClientWarmUpCallMakesNoConnectionAndEndsQuietly() {
    // the socket factory refuses every connect, so the call fails inside the client and nothing escapes
    assertThatCode(HttpsWarmup::httpClientFirstCall).doesNotThrowAnyException();
  }

  @Test
  void nativeWarmUpCallsAreAnsweredThroughTheNativeEngine() {
    assertThat(NativeTls.availability().available()).as(NativeTls.availability().description()).isTrue();
    // throws when a call fails or is not answered 200 (the loopback server answers a sized and an unsized body)
    assertThatCode(HttpsWarmup::nativeCall).doesNotThrowAnyException();
  }

  @Test
  void awaitReturnsOnceTheWarmUpHasFinished() {
    HttpsWarmup.start(true);
    HttpsWarmup.await(true, true, HttpsWarmup.MAX_WAIT_MS);

    assertThat(HttpsWarmup.finished()).isTrue();
  }

  @Test
  void derLengthsAboveOneByteUseTheLongForm() {
    byte[] big = WarmupPki.Der.tagged(0x04, new byte[300]);
    byte[] medium = WarmupPki.Der.tagged(0x04, new byte[200]);
    byte[] small = WarmupPki.Der.tagged(0x04, new byte[5]);

    assertThat(big).startsWith(0x04, 0x82, 0x01, 0x2c).hasSize(304);
    assertThat(medium).startsWith(0x04, 0x81, 200).hasSize(203);
    assertThat(small).startsWith(0x04, 5).hasSize(7);
  }
}
