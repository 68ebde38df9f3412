package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.report.Finding;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.report.ReportJson;
import dev.netdoctor.core.report.ReportMarkdown;
import dev.netdoctor.core.report.ReportText;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.HttpExchange;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.SocksServer;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The proxy check, TLS and HTTP through a real SOCKS proxy on loopback. */
class SocksProxyProbeTest {
  private static final String PASSWORD = "s0cks-Pa55word-never-shown";
  private static TlsServer target;
  private final ProbeFixture fx = new ProbeFixture();

  @BeforeAll
  static void startTarget() throws Exception {
    target = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE);
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  /** Settings with UseProxy on this proxy URL, no bypass (so loopback is proxied), and these credentials. */
  private Settings proxied(String proxyUrl, String user, String password) {
    Settings d = Settings.defaults(fx.dir);
    var n = d.network().toBuilder().useProxy(true).proxyUrl(Optional.of(URI.create(proxyUrl)))
        .proxyBypass(List.of());
    if (user != null) n.proxyUsername(Optional.of(user)).proxyPassword(Optional.of(Secret.of(password)));
    return d.toBuilder().network(n.build()).build();
  }

  private ProbeContext ctx(Settings s) {
    return fx.context(s, Target.url(target.url("/").uri()), fx.options().build());
  }

  private static String codeAndCause(CheckResult r) {
    return r.code() + "/" + r.cause();
  }

  @Test
  void socks5hWithoutAuthenticationCarriesTlsAndHttpAndSendsTheName() throws Exception {
    try (SocksServer socks = SocksServer.open()) {
      ProbeContext ctx = ctx(proxied(socks.url("socks5h"), null, null));

      CheckResult proxy = ProbeFixture.runUpTo(ctx, "proxy");
      CheckResult tls = ProbeFixture.runUpTo(ctx, "tls");
      CheckResult http = ProbeFixture.runUpTo(ctx, "http");

      assertThat(proxy.status()).isEqualTo(CheckStatus.PASS);
      assertThat(proxy.fact("protocol")).isEqualTo("SOCKS5h");
      assertThat(proxy.fact("method")).isEqualTo("none");
      assertThat(proxy.fact("replyText")).isEqualTo("succeeded");
      assertThat(proxy.evidence()).anyMatch(e -> e.contains("proxy chose no authentication"));
      assertThat(tls.status()).isEqualTo(CheckStatus.PASS);
      assertThat(tls.evidence()).anyMatch(e -> e.contains("through the proxy tunnel"));
      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(socks.requests()).hasSizeGreaterThanOrEqualTo(3)
          .allMatch(l -> l.equals("CONNECT localhost:" + target.port() + " domain"));
    }
  }

  @Test
  void socks5ResolvesTheNameHereAndSendsTheAddress() throws Exception {
    try (SocksServer socks = SocksServer.open()) {
      ProbeContext ctx = ctx(proxied(socks.url("socks5"), null, null));

      CheckResult proxy = ProbeFixture.runUpTo(ctx, "proxy");
      CheckResult http = ProbeFixture.runUpTo(ctx, "http");

      assertThat(proxy.status()).isEqualTo(CheckStatus.PASS);
      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(socks.requests()).contains("CONNECT 127.0.0.1:" + target.port() + " ipv4")
          .noneMatch(l -> l.endsWith("domain"));
    }
  }

  @Test
  void usernameAndPasswordAreAcceptedAndThePasswordNeverAppears() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", PASSWORD)) {
      ProbeContext ctx = ctx(proxied(socks.url("socks5h"), "alice", PASSWORD));

      CheckResult proxy = ProbeFixture.runUpTo(ctx, "proxy");
      CheckResult tls = ProbeFixture.runUpTo(ctx, "tls");
      CheckResult http = ProbeFixture.runUpTo(ctx, "http");

      assertThat(proxy.status()).isEqualTo(CheckStatus.PASS);
      assertThat(proxy.fact("method")).isEqualTo("username/password");
      assertThat(proxy.evidence()).anyMatch(e -> e.contains("user alice → accepted"));
      assertThat(tls.status()).isEqualTo(CheckStatus.PASS);
      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(socks.usernames()).hasSizeGreaterThanOrEqualTo(3).containsOnly("alice");
      for (CheckResult r : List.of(proxy, tls, http)) assertThat(ReportJson.write(r)).doesNotContain(PASSWORD);
    }
  }

  @Test
  void wrongPasswordIsCredentialsRejectedWithoutShowingIt() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", PASSWORD)) {
      String wrong = "Wr0ng-pa55-never-shown";

      CheckResult r = new ProxyProbe().run(ctx(proxied(socks.url("socks5"), "alice", wrong)));

      assertThat(codeAndCause(r)).isEqualTo("NET010/credentials-rejected");
      assertThat(r.evidence()).anyMatch(e -> e.contains("rejected (status 1)"));
      assertThat(ReportJson.write(r)).doesNotContain(wrong).doesNotContain(PASSWORD);
    }
  }

  @Test
  void proxyWantingAPasswordWhenNoneIsConfiguredIsCredentialsMissing() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", PASSWORD)) {
      CheckResult r = new ProxyProbe().run(ctx(proxied(socks.url("socks5"), null, null)));

      assertThat(codeAndCause(r)).isEqualTo("NET010/credentials-missing");
      assertThat(r.evidence()).anyMatch(e -> e.contains("offered no authentication → proxy chose no acceptable"));
      assertThat(socks.requests()).isEmpty();
    }
  }

  @Test
  void proxyAcceptingOnlyGssapiIsAnUnsupportedScheme() throws Exception {
    try (SocksServer socks = SocksServer.open().demandGssapi()) {
      CheckResult r = new ProxyProbe().run(ctx(proxied(socks.url("socks5"), "alice", PASSWORD)));

      assertThat(codeAndCause(r)).isEqualTo("NET010/scheme-unsupported");
      assertThat(r.summary()).contains("GSSAPI");
    }
  }

  @ParameterizedTest(name = "reply {0} is {1}")
  @CsvSource({
      "1, NET012/other, general SOCKS server failure",
      "2, NET012/forbidden, connection not allowed by ruleset",
      "3, NET012/upstream-failed, network unreachable",
      "4, NET012/upstream-failed, host unreachable",
      "5, NET012/upstream-failed, connection refused",
      "6, NET012/upstream-failed, TTL expired",
      "7, NET012/other, command not supported",
      "8, NET012/other, address type not supported"})
  void everyReplyCodeIsNamed(int reply, String expected, String meaning) throws Exception {
    try (SocksServer socks = SocksServer.open().reply(reply)) {
      CheckResult r = new ProxyProbe().run(ctx(proxied(socks.url("socks5h"), null, null)));

      assertThat(codeAndCause(r)).isEqualTo(expected);
      assertThat(r.fact("reply")).isEqualTo(String.valueOf(reply));
      assertThat(r.fact("replyText")).isEqualTo(meaning);
      assertThat(r.summary()).contains("localhost:" + target.port()).contains(meaning);
    }
  }

  @Test
  void realUpstreamRefusalComesBackAsReplyFive() throws Exception {
    int closed = FaultPorts.closedPort();
    try (SocksServer socks = SocksServer.open()) {
      CheckResult r = new ProxyProbe().run(fx.context(proxied(socks.url("socks5h"), null, null),
          Target.url(URI.create("https://localhost:" + closed + "/")), fx.options().build()));

      assertThat(codeAndCause(r)).isEqualTo("NET012/upstream-failed");
      assertThat(r.fact("replyText")).isEqualTo("connection refused");
    }
  }

  @Test
  void socksProxyNotListeningIsProxyUnreachable() throws Exception {
    int closed = FaultPorts.closedPort();

    CheckResult r = new ProxyProbe().run(ctx(proxied("socks5://127.0.0.1:" + closed, null, null)));

    assertThat(codeAndCause(r)).isEqualTo("NET011/refused");
    assertThat(r.summary()).contains("127.0.0.1:" + closed);
  }

  @Test
  void httpProxyWrittenAsSocksIsAProtocolMismatch() throws Exception {
    try (ServerSocket http = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      Thread t = new Thread(() -> {
        try (Socket s = http.accept(); OutputStream out = s.getOutputStream()) {
          out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (Exception ignored) {
          // the test fails on the result instead
        }
      });
      t.setDaemon(true);
      t.start();

      CheckResult r = new ProxyProbe().run(ctx(proxied("socks5://127.0.0.1:" + http.getLocalPort(), null, null)));

      assertThat(codeAndCause(r)).isEqualTo("NET012/protocol-mismatch");
      assertThat(r.summary()).contains("HTTP proxy").contains("http://");
    }
  }

  @Test
  void socks4aCarriesTheNameAndSocks4TheAddress() throws Exception {
    try (SocksServer socks = SocksServer.open()) {
      CheckResult a = new ProxyProbe().run(ctx(proxied(socks.url("socks4a"), null, null)));
      CheckResult four = new ProxyProbe().run(ctx(proxied(socks.url("socks4"), null, null)));

      assertThat(a.status()).isEqualTo(CheckStatus.PASS);
      assertThat(four.status()).isEqualTo(CheckStatus.PASS);
      assertThat(socks.requests()).containsExactly("CONNECT localhost:" + target.port() + " socks4a",
          "CONNECT 127.0.0.1:" + target.port() + " socks4");
    }
  }

  @Test
  void socks4RejectionIsForbidden() throws Exception {
    try (SocksServer socks = SocksServer.open().reply(SocksServer.NOT_ALLOWED)) {
      CheckResult r = new ProxyProbe().run(ctx(proxied(socks.url("socks4"), null, null)));

      assertThat(codeAndCause(r)).isEqualTo("NET012/forbidden");
      assertThat(r.summary()).contains("91");
    }
  }

  @Test
  void allProxyVariableWithSocksIsChosenAndSaysWhy() throws Exception {
    try (SocksServer socks = SocksServer.open()) {
      fx.environment = Map.of("PATH", "", "ALL_PROXY", socks.url("socks5h"), "NO_PROXY", "");

      Settings d = Settings.defaults(fx.dir);
      Settings noBypass = d.toBuilder().network(d.network().toBuilder().proxyBypass(List.of()).build()).build();

      CheckResult r = new ProxyProbe().run(ctx(noBypass));

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.fact("origin")).isEqualTo("environment");
      assertThat(r.fact("reason")).contains("ALL_PROXY");
      assertThat(r.evidence().get(0)).contains(socks.url("socks5h")).contains("chosen");
    }
  }

  @Test
  void unknownCaSeenThroughASocksProxyIsNamedAsInterception() throws Exception {
    try (SocksServer socks = SocksServer.open(); TlsServer mitm = TlsServer.start(ProbeFixture.PKI, TlsFault.UNTRUSTED_ROOT)) {
      ProbeContext ctx = fx.context(proxied(socks.url("socks5h"), null, null), Target.url(mitm.url("/").uri()),
          fx.options().build());

      CheckResult tls = ProbeFixture.runUpTo(ctx, "tls");

      assertThat(codeAndCause(tls)).isEqualTo("NET009/interception");
      assertThat(socks.requests()).contains("CONNECT localhost:" + mitm.port() + " domain");
    }
  }

  @Test
  void httpExchangeThroughARefusingSocksProxyFailsWithTheProxysReply() throws Exception {
    try (SocksServer socks = SocksServer.open().reply(SocksServer.HOST_UNREACHABLE)) {
      HttpExchange.Result x = HttpExchange.execute(ctx(proxied(socks.url("socks5h"), null, null)), "GET",
          target.url("/").uri(), Headers.of());

      assertThat(x.answered()).isFalse();
      FailureMapper.Mapped m = FailureMapper.map(x.failure(), x.failedPhase());
      assertThat(m.code() + "/" + m.cause()).isEqualTo("NET012/upstream-failed");
      assertThat(m.evidence()).contains("host unreachable");
    }
  }

  @Test
  void directWorksAndTheSocksProxyRefusesNamesTheProxyWithItsOwnFixCommand() throws Exception {
    try (SocksServer socks = SocksServer.withPassword("alice", PASSWORD)) {
      Settings base = fx.settingsWith(Map.of("Api", new String[] {target.url("/v1").toString()}));
      Settings s = base.toBuilder().network(base.network().toBuilder().useProxy(true)
          .proxyUrl(Optional.of(URI.create(socks.url("socks5h")))).proxyUsername(Optional.of("alice"))
          .proxyPassword(Optional.of(Secret.of("not-" + PASSWORD))).proxyBypass(List.of()).build()).build();

      Report r = Doctor.builder(s).environment(fx.env()).options(fx.options().build()).machineChecks(false).build()
          .diagnose(DiagnosisListener.NONE);

      assertThat(r.findings()).extracting(Finding::codeAndCause).containsExactly("NET010/credentials-rejected");
      Finding f = r.findings().get(0);
      assertThat(f.summary()).contains("the proxy is the problem");
      assertThat(String.join("\n", f.fix())).contains("-x " + socks.url("socks5h"))
          .contains("https://localhost:" + target.port() + "/v1/models").doesNotContain("<proxy>");
      for (String form : List.of(ReportJson.write(r), ReportText.write(r), ReportMarkdown.write(r))) {
        assertThat(form).doesNotContain(PASSWORD);
      }
    }
  }
}
