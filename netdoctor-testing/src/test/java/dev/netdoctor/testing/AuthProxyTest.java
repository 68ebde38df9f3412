package dev.netdoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;

class AuthProxyTest {
  private static final TestPki PKI = TestPki.create();

  private static OkHttpClient client(AuthProxy proxy, String user, String password) {
    HandshakeCertificates trust = PKI.clientTrust();
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())))
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .callTimeout(5, TimeUnit.SECONDS);
    if (user != null) {
      b.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null ? null
          : response.request().newBuilder().header("Proxy-Authorization", Credentials.basic(user, password)).build());
    }
    return b.build();
  }

  @Test
  void connectWithoutCredentialsIsAnswered407WithBasicChallenge() throws IOException {
    try (AuthProxy proxy = AuthProxy.start("alice", "s3cret"); TlsServer target = TlsServer.start(PKI, TlsFault.NONE)) {
      assertThatThrownBy(() -> client(proxy, null, null).newCall(new Request.Builder().url(target.url("/")).build())
          .execute().close()).isInstanceOf(IOException.class).hasMessageContaining("authenticate with proxy");
      assertThat(proxy.challengeCount()).isEqualTo(1);
      assertThat(proxy.requestLines().get(0)).startsWith("CONNECT localhost:" + target.port());
    }
  }

  @Test
  void connectWithCredentialsTunnelsToTheTarget() throws IOException {
    try (AuthProxy proxy = AuthProxy.start("alice", "s3cret"); TlsServer target = TlsServer.start(PKI, TlsFault.NONE);
        Response r = client(proxy, "alice", "s3cret").newCall(new Request.Builder().url(target.url("/")).build())
            .execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("ok");
    }
  }

  @Test
  void plainHttpIsForwardedInAbsoluteForm() throws Exception {
    try (AuthProxy proxy = AuthProxy.open(); MockWebServer origin = new MockWebServer()) {
      origin.enqueue(new MockResponse.Builder().body("plain").build());
      origin.start();
      try (Response r = client(proxy, null, null).newCall(new Request.Builder().url(origin.url("/x?y=1")).build())
          .execute()) {
        assertThat(r.body().string()).isEqualTo("plain");
      }
      assertThat(origin.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/x?y=1");
    }
  }

  @Test
  void refusedTunnelAnswersTheConfiguredStatus() throws IOException {
    try (AuthProxy proxy = AuthProxy.open().refuseTunnels(403); TlsServer target = TlsServer.start(PKI, TlsFault.NONE)) {
      assertThatThrownBy(() -> client(proxy, null, null).newCall(new Request.Builder().url(target.url("/")).build())
          .execute().close()).isInstanceOf(IOException.class).hasMessageContaining("403");
    }
  }
}
