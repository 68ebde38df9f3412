package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TCP per family, TLS and HTTP against real loopback servers. */
class ConnectionProbesTest {
  private final ProbeFixture fx = new ProbeFixture();

  private ProbeContext ctx(String url) {
    return fx.context(Target.url(URI.create(url)));
  }

  @Test
  void closedPortIsConnectionRefused() throws Exception {
    int port = FaultPorts.closedPort();

    CheckResult r = ProbeFixture.runUpTo(ctx("http://localhost:" + port + "/"), "tcp-ipv4");

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET008/port-closed");
    assertThat(r.summary()).contains("127.0.0.1:" + port);
  }

  @Test
  void droppedConnectIsAConnectTimeoutWithinTheCap() throws Exception {
    try (FaultPorts.Blackhole hole = FaultPorts.blackhole()) {
      ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
          Target.url(URI.create("http://localhost:" + hole.port() + "/")),
          fx.options().connectTimeout(Duration.ofMillis(300)).build());

      CheckResult r = ProbeFixture.runUpTo(ctx, "tcp-ipv4");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET004/connect");
      assertThat(r.elapsedMs()).isLessThan(2000);
    }
  }

  @Test
  void familyWithoutAddressIsSkippedNotFailed() throws Exception {
    int port = FaultPorts.closedPort();

    CheckResult r = ProbeFixture.runUpTo(ctx("http://localhost:" + port + "/"), "tcp-ipv6");

    assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(r.summary()).contains("no ipv6 address");
  }

  @Test
  void validChainPassesWithVersionCipherAndChain() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      CheckResult r = ProbeFixture.runUpTo(ctx(server.url("/").toString()), "tls");

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.fact("tlsVersion")).startsWith("TLSv1.");
      assertThat(r.fact("cipher")).startsWith("TLS_");
      assertThat(r.fact("hostnameMatch")).isEqualTo("true");
      assertThat(r.fact("chain")).contains("netdoctor Test Intermediate CA");
      assertThat(r.longFact("daysToExpiry", -1)).isBetween(88L, 90L);
      double wall = Double.parseDouble(r.fact("handshakeMs"));
      double cpu = Double.parseDouble(r.fact("handshakeCpuMs"));
      assertThat(cpu).as("this thread's CPU during the handshake: some, never more than the handshake took")
          .isGreaterThan(0).isLessThanOrEqualTo(wall + 1.0);
    }
  }

  private CheckResult tls(TlsFault fault) throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, fault)) {
      return ProbeFixture.runUpTo(ctx(server.url("/").toString()), "tls");
    }
  }

  @Test
  void expiredCertificateIsNamedWithItsChainKept() throws Exception {
    CheckResult r = tls(TlsFault.EXPIRED);

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET009/expired");
    assertThat(r.fact("chain")).contains("CN=localhost");
    assertThat(r.fact("verified")).isEqualTo("false");
  }

  @Test
  void futureCertificateIsNotYetValid() throws Exception {
    assertThat(tls(TlsFault.NOT_YET_VALID).cause()).isEqualTo("not-yet-valid");
  }

  @Test
  void selfSignedCertificateIsSelfSigned() throws Exception {
    assertThat(tls(TlsFault.SELF_SIGNED).cause()).isEqualTo("self-signed");
  }

  @Test
  void wrongHostIsHostnameMismatch() throws Exception {
    CheckResult r = tls(TlsFault.WRONG_HOST);

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET009/hostname-mismatch");
    assertThat(r.summary()).contains("wrong-host.invalid");
  }

  @Test
  void foreignRootIsUntrustedRootNamingTheIssuer() throws Exception {
    CheckResult r = tls(TlsFault.UNTRUSTED_ROOT);

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET009/untrusted-root");
    assertThat(r.fact("rootIssuer")).contains("Corporate Inspection Root CA");
    assertThat(r.fact("publicRoot")).isEqualTo("false");
  }

  @Test
  void leafWithoutIntermediateIsIncompleteChain() throws Exception {
    assertThat(tls(TlsFault.MISSING_INTERMEDIATE).cause()).isEqualTo("incomplete-chain");
  }

  @Test
  void insecureAcceptsABadChainButReportsItAsAWarning() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.EXPIRED)) {
      ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
          Target.url(URI.create(server.url("/").toString())), fx.options().insecure(true).build());

      CheckResult tls = ProbeFixture.runUpTo(ctx, "tls");
      CheckResult http = ProbeFixture.runUpTo(ctx, "http");

      assertThat(tls.status()).isEqualTo(CheckStatus.WARN);
      assertThat(tls.summary()).contains("--insecure");
      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(http.fact("insecure")).isEqualTo("true");
    }
  }

  @Test
  void tlsToAPlainPortIsNotTls() throws Exception {
    try (FaultPorts.Endpoint plain = FaultPorts.plainHttp()) {
      CheckResult r = ProbeFixture.runUpTo(ctx("https://localhost:" + plain.port() + "/"), "tls");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET003/not-tls");
    }
  }

  @Test
  void silentServerDuringHandshakeIsAFirstByteTimeout() throws Exception {
    try (FaultPorts.Endpoint silent = FaultPorts.silent()) {
      ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
          Target.url(URI.create("https://localhost:" + silent.port() + "/")),
          fx.options().tlsTimeout(Duration.ofMillis(300)).build());

      CheckResult r = ProbeFixture.runUpTo(ctx, "tls");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET004/first-byte");
    }
  }

  @Test
  void resetDuringRequestIsConnectionReset() throws Exception {
    try (FaultPorts.Endpoint resetting = FaultPorts.resetting()) {
      CheckResult r = ProbeFixture.runUpTo(ctx("http://localhost:" + resetting.port() + "/"), "http");

      assertThat(r.code()).isIn("NET013");
    }
  }

  @Test
  void httpReportsStatusAndCumulativePhaseTimings() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      CheckResult r = ProbeFixture.runUpTo(ctx(server.url("/health").toString()), "http");

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.fact("status")).isEqualTo("200");
      @SuppressWarnings("unchecked")
      java.util.Map<String, Double> t = (java.util.Map<String, Double>) r.facts().get("timings");
      assertThat(t).containsKeys("dnsMs", "connectMs", "tlsMs", "firstByteMs", "totalMs");
      assertThat(t.get("dnsMs")).isLessThanOrEqualTo(t.get("connectMs"));
      assertThat(t.get("connectMs")).isLessThanOrEqualTo(t.get("tlsMs"));
      assertThat(t.get("tlsMs")).isLessThanOrEqualTo(t.get("firstByteMs"));
      assertThat(t.get("firstByteMs")).isLessThanOrEqualTo(t.get("totalMs"));
    }
  }

  private static mockwebserver3.Dispatcher answer(int code, String body) {
    return new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return new mockwebserver3.MockResponse.Builder().code(code).body(body).build();
      }
    };
  }

  @Test
  void providerAnswering401WithoutAKeyIsReachable() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      server.server().setDispatcher(answer(401, "{}"));
      var provider = dev.netdoctor.core.settings.Provider.builtIn(dev.netdoctor.core.settings.ProviderKind.OPENAI)
          .toBuilder().baseUrl(URI.create(server.url("/v1").toString())).build();

      CheckResult r = ProbeFixture.runUpTo(fx.context(Target.provider(provider)), "http");

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.summary()).contains("401").contains("reachable");
      assertThat(r.fact("url")).endsWith("/v1/models");
    }
  }

  @Test
  void urlAnswering401WithInvalidKeyIsNamedByItsAnswer() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      server.server().setDispatcher(answer(401, "{\"error\":{\"code\":\"invalid_api_key\"}}"));

      CheckResult r = ProbeFixture.runUpTo(ctx(server.url("/v1/models").toString()), "http");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("AUTH002/invalid");
      assertThat(r.summary()).startsWith("reachable");
    }
  }

  @Test
  void tricklingBodyIsLowThroughput() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.enqueue(new mockwebserver3.MockResponse.Builder().body(new okio.Buffer().write(new byte[8192]))
          .throttleBody(100, 50, java.util.concurrent.TimeUnit.MILLISECONDS).build());
      server.start();

      CheckResult r = ProbeFixture.runUpTo(ctx("http://localhost:" + server.getPort() + "/"), "http");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET016/low-throughput");
      assertThat(r.longFact("bodyBytes", 0)).isLessThan(8192);
    }
  }

  @Test
  void bodyCutAfterTheHeadersIsAConnectionFailureNotATrickle() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.enqueue(new mockwebserver3.MockResponse.Builder().body(new okio.Buffer().write(new byte[8 * 1024]))
          .throttleBody(1024, 10, java.util.concurrent.TimeUnit.MILLISECONDS)
          .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket()).build());
      server.start();

      CheckResult r = ProbeFixture.runUpTo(ctx("http://localhost:" + server.getPort() + "/"), "http");

      assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(r.code()).isEqualTo("NET013");
    }
  }

  @Test
  void nameWithoutAnAddressOfTheRequestedFamilyIsNoAddress() throws Exception {
    fx.name("v6only.invalid", "::1");
    ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
        Target.url(URI.create("http://v6only.invalid/")),
        fx.options().families(java.util.Set.of(IpFamily.IPV4)).build());

    CheckResult r = new DnsProbe().run(ctx);

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET002/no-address");
    assertThat(r.summary()).contains("[ipv4]").contains("0:0:0:0:0:0:0:1");
  }

  @Test
  void serviceUnavailableIsProviderUnavailable() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      server.server().setDispatcher(answer(503, ""));
      CheckResult r = ProbeFixture.runUpTo(ctx(server.url("/").toString()), "http");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET007/service-unavailable");
    }
  }

  @Test
  void latencyIsSampledOverSeveralConnects() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      CheckResult r = ProbeFixture.runUpTo(ctx(server.url("/").toString()), "latency");

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat((java.util.List<?>) r.facts().get("samplesMs")).hasSize(3);
      assertThat(r.facts()).containsKeys("medianMs", "jitterMs");
    }
  }

  @Test
  void medianAboveTheConfiguredThresholdIsHighLatency() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
          Target.url(URI.create(server.url("/").toString())),
          fx.options().latencyThreshold(Duration.ZERO).build());

      CheckResult r = ProbeFixture.runUpTo(ctx, "latency");

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET016/high-latency");
      assertThat(r.summary()).contains("above the 0 ms threshold");
      assertThat(r.longFact("thresholdMs", -1)).isZero();
    }
  }

  @Test
  void loopbackConnectsAreBelowTheDefaultThresholdWithoutLoss() throws Exception {
    try (TlsServer server = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
          Target.url(URI.create(server.url("/").toString())), fx.options().latencySamples(25).build());

      CheckResult r = ProbeFixture.runUpTo(ctx, "latency");

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.longFact("retransmitted", -1)).isZero();
      assertThat((java.util.List<?>) r.facts().get("samplesMs")).hasSize(25);
    }
  }
}
