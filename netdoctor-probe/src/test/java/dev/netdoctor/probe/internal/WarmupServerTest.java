package dev.netdoctor.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.testing.TestPki;
import dev.netdoctor.testing.TlsFault;
import java.net.InetAddress;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;

/** The warm-up's loopback server answers HTTP/2 when offered, else HTTP/1.1 with and without a length. */
class WarmupServerTest {
  private static final TestPki PKI = TestPki.create();

  private static Response call(OkHttpClient client, int port) throws Exception {
    return client.newCall(new Request.Builder().url("https://localhost:" + port + "/").build()).execute();
  }

  @Test
  void answersHttp2ThenHttp1WithALengthThenHttp1EndedByClose() throws Exception {
    HandshakeCertificates server = PKI.serverCertificates(TlsFault.NONE);
    HandshakeCertificates client = PKI.clientTrust();
    OkHttpClient base = new OkHttpClient.Builder()
        .sslSocketFactory(client.sslSocketFactory(), client.trustManager())
        .dns(host -> List.of(InetAddress.getLoopbackAddress()))
        .retryOnConnectionFailure(false)
        .build();
    try (WarmupServer answering = WarmupServer.start(server.sslContext(), 3)) {
      try (Response h2 = call(base, answering.port())) {
        assertThat(h2.protocol()).isEqualTo(Protocol.HTTP_2);
        assertThat(h2.code()).isEqualTo(200);
        assertThat(h2.header("content-type")).isEqualTo("application/json");
        assertThat(h2.body().string()).isEqualTo("{}");
      }
      OkHttpClient http1 = base.newBuilder().protocols(List.of(Protocol.HTTP_1_1)).build();
      try (Response sized = call(http1, answering.port())) {
        assertThat(sized.protocol()).isEqualTo(Protocol.HTTP_1_1);
        assertThat(sized.header("content-length")).isEqualTo("2");
        assertThat(sized.body().string()).isEqualTo("{}");
      }
      try (Response unsized = call(http1, answering.port())) {
        assertThat(unsized.header("content-length")).isNull();
        assertThat(unsized.body().string()).isEqualTo("{}");
      }
    } finally {
      base.connectionPool().evictAll();
      base.dispatcher().executorService().shutdown();
    }
  }
}
