package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.TlsVersion;
import dev.netdoctor.probe.internal.NativeTls;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The http check's exchange runs on the native TLS engine (its TLS phase is compared with curl's), while the tls
 * check keeps the JVM's own: the application's trust still decides, no request reaches a server whose chain or
 * name did not verify, and every failure is named as the JVM's engine would name it.
 */
class TimedExchangeEngineTest {
  private final ProbeFixture fx = new ProbeFixture();

  @BeforeAll
  static void nativeEngineLoads() {
    // This machine's platform is one the native library ships for; elsewhere the JVM's engine is used (tested below).
    assertThat(NativeTls.availability().available()).as(NativeTls.availability().description()).isTrue();
  }

  private ProbeContext ctx(String url) {
    return fx.context(Target.url(URI.create(url)));
  }

  @Test
  void healthyHttpsExchangeUsesTheNativeEngineAndTheTlsCheckTheJvms() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      ProbeContext c = ctx(server.url("/v1/models").toString());

      CheckResult tls = ProbeFixture.runUpTo(c, "tls");
      CheckResult http = ProbeFixture.runUpTo(c, "http");

      assertThat(http.status()).isEqualTo(CheckStatus.PASS);
      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(http.fact("tlsEngine")).startsWith("BoringSSL (Conscrypt ");
      assertThat(http.fact("tlsVersion")).isEqualTo("TLSv1.3");
      assertThat(tls.status()).isEqualTo(CheckStatus.PASS);
      assertThat(tls.facts()).doesNotContainKey("tlsEngine");
      assertThat(tls.fact("tlsVersion")).isEqualTo("TLSv1.3");
      assertThat(server.server().getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void theTlsCheckAndTheTimedExchangeAskTheTrustManagerOnceForTheirChain() throws Exception {
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    javax.net.ssl.X509TrustManager real = ProbeFixture.PKI.clientTrust().trustManager();
    javax.net.ssl.X509TrustManager counting = new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a)
          throws java.security.cert.CertificateException {
        real.checkClientTrusted(c, a);
      }

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a)
          throws java.security.cert.CertificateException {
        asked.incrementAndGet();
        real.checkServerTrusted(c, a);
      }

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return real.getAcceptedIssuers();
      }
    };
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      ProbeContext c = fx.context(Settings.defaults(fx.dir), Target.url(URI.create(server.url("/").toString())),
          fx.options().trust(counting).build());

      CheckResult tls = ProbeFixture.runUpTo(c, "tls");
      CheckResult http = ProbeFixture.runUpTo(c, "http");

      assertThat(tls.fact("verified")).isEqualTo("true");
      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(asked).as("verdicts asked of the application's trust manager").hasValue(1);
    }
  }

  /**
   * A server that sends its status line at once and the rest of its answer 400 ms later: the first byte is when
   * the status line arrived (curl's time_starttransfer), not when the client had read the whole head.
   */
  private static java.net.ServerSocket splitAnswer(java.net.ServerSocket listener) {
    // The run's tcp and latency checks connect too (and send nothing): each connection is served on its own.
    Thread t = new Thread(() -> {
      for (int i = 0; i < 20 && !listener.isClosed(); i++) {
        try {
          java.net.Socket s = listener.accept();
          Thread one = new Thread(() -> answerSplit(s));
          one.setDaemon(true);
          one.start();
        } catch (java.io.IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    return listener;
  }

  private static void answerSplit(java.net.Socket socket) {
    try (java.net.Socket s = socket) {
      s.setSoTimeout(5000);
      s.setTcpNoDelay(true);
      java.io.InputStream in = s.getInputStream();
      for (int last4 = 0, n = 0; n < 16384 && last4 != 0x0d0a0d0a; n++) {
        int b = in.read();
        if (b < 0) return;
        last4 = (last4 << 8) | b;
      }
      java.io.OutputStream out = s.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(400);
      out.write("Content-Length: 2\r\nConnection: close\r\n\r\n{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
    } catch (Exception e) {
      // a connection of the tcp or latency check, or the test's assertions say what went wrong
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Double> timings(CheckResult http) {
    return (Map<String, Double>) http.facts().get("timings");
  }

  @Test
  void firstByteIsWhenTheAnswerBeganToArriveOverPlainHttp() throws Exception {
    try (java.net.ServerSocket listener = splitAnswer(new java.net.ServerSocket(0, 1,
        InetAddress.getByName("127.0.0.1")))) {
      CheckResult http = ProbeFixture.runUpTo(ctx("http://localhost:" + listener.getLocalPort() + "/"), "http");

      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(timings(http).get("firstByteMs")).as(timings(http).toString()).isLessThan(300.0);
      assertThat(timings(http).get("totalMs")).isGreaterThanOrEqualTo(400.0);
    }
  }

  @Test
  void firstByteIsWhenTheAnswerBeganToArriveOverTheNativeEngine() throws Exception {
    javax.net.ssl.SSLServerSocketFactory tls = ProbeFixture.PKI.serverCertificates(TlsFault.NONE).sslContext()
        .getServerSocketFactory();
    try (java.net.ServerSocket listener = splitAnswer(tls.createServerSocket(0, 1,
        InetAddress.getByName("127.0.0.1")))) {
      CheckResult http = ProbeFixture.runUpTo(ctx("https://localhost:" + listener.getLocalPort() + "/"), "http");

      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(http.fact("tlsEngine")).startsWith("BoringSSL");
      assertThat(timings(http).get("firstByteMs")).as(timings(http).toString()).isLessThan(300.0);
      assertThat(timings(http).get("totalMs")).isGreaterThanOrEqualTo(400.0);
    }
  }

  @Test
  void overHttp2FirstByteAndEndAreTheAnswersFramesNotTheServersOwn() throws Exception {
    MockWebServer h2 = new MockWebServer();
    h2.useHttps(ProbeFixture.PKI.serverCertificates(TlsFault.NONE).sslSocketFactory());
    h2.setProtocols(List.of(okhttp3.Protocol.HTTP_2, okhttp3.Protocol.HTTP_1_1));
    // Headers after 300 ms, the body's end 300 ms later: the server's settings frames come at once, before both.
    h2.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}")
        .headersDelay(300, java.util.concurrent.TimeUnit.MILLISECONDS)
        .bodyDelay(300, java.util.concurrent.TimeUnit.MILLISECONDS).build());
    h2.start(InetAddress.getByName("127.0.0.1"), 0);
    try {
      CheckResult http = ProbeFixture.runUpTo(ctx("https://localhost:" + h2.getPort() + "/"), "http");

      assertThat(http.fact("protocol")).isEqualTo("h2");
      Map<String, Double> t = timings(http);
      assertThat(t.get("firstByteMs")).as(t.toString()).isGreaterThanOrEqualTo(300.0);
      assertThat(t.get("firstByteMs")).as(t.toString()).isLessThan(t.get("totalMs") - 200);
      assertThat(t.get("totalMs")).as(t.toString()).isGreaterThanOrEqualTo(600.0);
    } finally {
      h2.close();
    }
  }

  @Test
  void plainHttpNamesNoTlsEngine() throws Exception {
    MockWebServer plain = new MockWebServer();
    plain.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    plain.start(InetAddress.getByName("127.0.0.1"), 0);
    try {
      CheckResult http = ProbeFixture.runUpTo(ctx("http://localhost:" + plain.getPort() + "/"), "http");

      assertThat(http.status()).isEqualTo(CheckStatus.PASS);
      assertThat(http.facts()).doesNotContainKey("tlsEngine");
    } finally {
      plain.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "EXPIRED, expired",
      "NOT_YET_VALID, not-yet-valid",
      "WRONG_HOST, hostname-mismatch",
      "UNTRUSTED_ROOT, untrusted-root",
      "SELF_SIGNED, untrusted-root",
      "MISSING_INTERMEDIATE, untrusted-root"})
  void rejectedChainFailsTheExchangeBeforeAnyRequest(TlsFault fault, String cause) throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, fault)) {
      CheckResult http = ProbeFixture.runUpTo(ctx(server.url("/v1/models").toString()), "http");

      assertThat(http.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(http.code() + "/" + http.cause()).isEqualTo("NET009/" + cause);
      assertThat(http.summary()).contains("tls phase");
      assertThat(server.server().getRequestCount()).as("requests that reached the server").isZero();
    }
  }

  @Test
  void insecureExchangeGoesThroughTheNativeEngineAndSaysSo() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.EXPIRED)) {
      ProbeContext c = fx.context(Settings.defaults(fx.dir), Target.url(URI.create(server.url("/").toString())),
          fx.options().insecure(true).build());

      CheckResult http = ProbeFixture.runUpTo(c, "http");

      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(http.fact("insecure")).isEqualTo("true");
      assertThat(http.fact("tlsEngine")).startsWith("BoringSSL");
    }
  }

  @Test
  void plainHttpOnTheTlsPortIsNotTls() throws Exception {
    try (FaultPorts.Endpoint plain = FaultPorts.plainHttp()) {
      CheckResult http = ProbeFixture.runUpTo(ctx("https://localhost:" + plain.port() + "/"), "http");

      assertThat(http.code() + "/" + http.cause()).as(http.evidence().toString()).isEqualTo("NET003/not-tls");
    }
  }

  @Test
  void serverSilentDuringTheHandshakeIsAFirstByteTimeout() throws Exception {
    try (FaultPorts.Endpoint silent = FaultPorts.silent()) {
      ProbeContext c = fx.context(Settings.defaults(fx.dir),
          Target.url(URI.create("https://localhost:" + silent.port() + "/")),
          fx.options().httpTimeout(java.time.Duration.ofMillis(300)).build());

      CheckResult http = ProbeFixture.runUpTo(c, "http");

      assertThat(http.code() + "/" + http.cause()).as(http.evidence().toString()).isEqualTo("NET004/first-byte");
    }
  }

  @Test
  void noVersionInCommonIsProtocolVersion() throws Exception {
    MockWebServer server = new MockWebServer();
    // The server speaks TLS 1.2 only.
    server.useHttps(new dev.netdoctor.probe.internal.MappedSslSocketFactory(
        ProbeFixture.PKI.serverCertificates(TlsFault.NONE).sslSocketFactory(), s -> {
          ((SSLSocket) s).setEnabledProtocols(new String[] {"TLSv1.2"});
          return s;
        }));
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    try {
      Settings tls13Only = Settings.defaults(fx.dir).toBuilder().network(Settings.defaults(fx.dir).network()
          .toBuilder().minimumTlsVersion(TlsVersion.TLS13).build()).build();
      ProbeContext c = fx.context(tls13Only,
          Target.url(URI.create("https://localhost:" + server.getPort() + "/")), fx.options().build());

      CheckResult http = ProbeFixture.runUpTo(c, "http");

      assertThat(http.code() + "/" + http.cause()).as(http.evidence().toString())
          .isEqualTo("NET003/protocol-version");
      assertThat(server.getRequestCount()).isZero();
    } finally {
      server.close();
    }
  }

  @Test
  void engineCanBeTurnedOffAndIsNamedWhenOff() {
    String before = System.getProperty(NativeTls.ENGINE_PROPERTY);
    System.setProperty(NativeTls.ENGINE_PROPERTY, "jsse");
    try {
      assertThat(NativeTls.availability().available()).isFalse();
      assertThat(NativeTls.availability().description()).isEqualTo("JSSE (-Dnetdoctor.tls.engine=jsse)");
    } finally {
      if (before == null) System.clearProperty(NativeTls.ENGINE_PROPERTY);
      else System.setProperty(NativeTls.ENGINE_PROPERTY, before);
    }
    assertThat(NativeTls.availability().available()).isTrue();
  }

  @Test
  void withTheNativeEngineOffTheTimedExchangeIsTheJvmsAndSaysSo() throws Exception {
    String before = System.getProperty(NativeTls.ENGINE_PROPERTY);
    System.setProperty(NativeTls.ENGINE_PROPERTY, "jsse");
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      CheckResult http = ProbeFixture.runUpTo(ctx(server.url("/v1/models").toString()), "http");

      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(http.fact("tlsEngine")).isEqualTo("JSSE (-Dnetdoctor.tls.engine=jsse)");
      @SuppressWarnings("unchecked")
      Map<String, Double> t = (Map<String, Double>) http.facts().get("timings");
      assertThat(t).containsKeys("tlsMs", "firstByteMs", "totalMs");
    } finally {
      if (before == null) System.clearProperty(NativeTls.ENGINE_PROPERTY);
      else System.setProperty(NativeTls.ENGINE_PROPERTY, before);
    }
  }

  @Test
  void listOfEnginesIsNotLeakedIntoTheJvm() {
    // The provider is used by name-less instance only: the JVM's provider list is unchanged.
    assertThat(List.of(java.security.Security.getProviders())).noneMatch(p -> p.getName().contains("Conscrypt"));
  }
}
