package dev.netdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;

class TestPkiTest {
  private static final TestPki PKI = TestPki.create();

  private static Response get(TlsFault fault) throws IOException {
    HandshakeCertificates trust = PKI.clientTrust();
    OkHttpClient client = new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .callTimeout(5, TimeUnit.SECONDS).build();
    try (TlsServer server = TlsServer.start(PKI, fault)) {
      try (Response r = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
        return r;
      }
    }
  }

  @Test
  void validChainIsAcceptedByAClientTrustingTheRoot() throws IOException {
    assertThat(get(TlsFault.NONE).code()).isEqualTo(200);
  }

  @Test
  void expiredLeafFailsValidation() {
    assertThatThrownBy(() -> get(TlsFault.EXPIRED)).isInstanceOf(SSLHandshakeException.class)
        .hasStackTraceContaining("CertificateExpiredException");
  }

  @Test
  void futureLeafFailsValidation() {
    assertThatThrownBy(() -> get(TlsFault.NOT_YET_VALID)).isInstanceOf(SSLHandshakeException.class)
        .hasStackTraceContaining("CertificateNotYetValidException");
  }

  @Test
  void selfSignedUntrustedAndIncompleteChainsFailPathBuilding() {
    for (TlsFault fault : new TlsFault[] {TlsFault.SELF_SIGNED, TlsFault.UNTRUSTED_ROOT, TlsFault.MISSING_INTERMEDIATE}) {
      assertThatThrownBy(() -> get(fault)).as(fault.name()).isInstanceOf(SSLHandshakeException.class)
          .hasStackTraceContaining("unable to find valid certification path");
    }
  }

  @Test
  void wrongHostPassesTheChainButFailsHostnameVerification() {
    assertThatThrownBy(() -> get(TlsFault.WRONG_HOST)).isInstanceOf(SSLPeerUnverifiedException.class)
        .hasMessageContaining("localhost");
  }
}
