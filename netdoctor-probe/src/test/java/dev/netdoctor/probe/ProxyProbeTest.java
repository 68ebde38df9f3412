package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.report.ReportJson;
import dev.netdoctor.testing.AuthProxy;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyProbeTest {
  private final ProbeFixture fx = new ProbeFixture();

  /** Settings with UseProxy on, the given proxy and credentials, and an empty bypass list (so loopback is proxied). */
  private Settings proxied(String proxyUrl, String user, String password) {
    Settings d = Settings.defaults(fx.dir);
    var n = d.network().toBuilder().useProxy(true).proxyUrl(Optional.of(URI.create(proxyUrl)))
        .proxyBypass(List.of());
    if (user != null) n.proxyUsername(Optional.of(user)).proxyPassword(Optional.of(Secret.of(password)));
    return d.toBuilder().network(n.build()).build();
  }

  private ProbeContext ctx(Settings s, String url) {
    return fx.context(s, Target.url(URI.create(url)), fx.options().build());
  }

  @Test
  void directTargetIsSkippedWithTheReason() throws Exception {
    CheckResult r = new ProxyProbe().run(fx.context(Target.url(URI.create("https://localhost:1/"))));

    assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(r.summary()).startsWith("direct");
    assertThat(r.fact("origin")).isIn("none", "bypass");
  }

  @Test
  void proxyWithoutCredentialsAnswering407IsCredentialsMissing() throws Exception {
    try (AuthProxy proxy = AuthProxy.start("alice", "s3cret"); TlsServer target = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      CheckResult r = new ProxyProbe().run(ctx(proxied(proxy.url(), null, null), target.url("/").toString()));

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET010/credentials-missing");
      assertThat(r.fact("scheme")).isEqualTo("Basic");
      assertThat(r.evidence()).anyMatch(e -> e.contains("407"));
    }
  }

  @Test
  void wrongCredentialsAreRejectedAndThePasswordNeverAppears() throws Exception {
    try (AuthProxy proxy = AuthProxy.start("alice", "s3cret"); TlsServer target = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      CheckResult r = new ProxyProbe().run(ctx(proxied(proxy.url(), "alice", "hunter2-wrong"),
          target.url("/").toString()));

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET010/credentials-rejected");
      assertThat(ReportJson.write(r)).doesNotContain("hunter2-wrong");
    }
  }

  @Test
  void negotiateChallengeIsAnUnsupportedScheme() throws Exception {
    try (AuthProxy proxy = AuthProxy.start("alice", "s3cret").challengeScheme("Negotiate");
        TlsServer target = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      CheckResult r = new ProxyProbe().run(ctx(proxied(proxy.url(), null, null), target.url("/").toString()));

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET010/scheme-unsupported");
    }
  }

  @Test
  void refusedTunnelIsForbiddenOrUpstreamFailed() throws Exception {
    try (AuthProxy p403 = AuthProxy.open().refuseTunnels(403); AuthProxy p502 = AuthProxy.open().refuseTunnels(502)) {
      assertThat(new ProxyProbe().run(ctx(proxied(p403.url(), null, null), "https://localhost:443/")).cause())
          .isEqualTo("forbidden");
      assertThat(new ProxyProbe().run(ctx(proxied(p502.url(), null, null), "https://localhost:443/")).cause())
          .isEqualTo("upstream-failed");
    }
  }

  @Test
  void proxyNotListeningIsProxyUnreachable() throws Exception {
    int port = FaultPorts.closedPort();

    CheckResult r = new ProxyProbe().run(ctx(proxied("http://127.0.0.1:" + port, null, null), "https://localhost/"));

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET011/refused");
  }

  @Test
  void goodCredentialsTunnelAndTlsAndHttpWorkThroughTheProxy() throws Exception {
    try (AuthProxy proxy = AuthProxy.start("alice", "s3cret"); TlsServer target = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      ProbeContext ctx = ctx(proxied(proxy.url(), "alice", "s3cret"), target.url("/").toString());

      CheckResult p = ProbeFixture.runUpTo(ctx, "proxy");
      CheckResult tls = ProbeFixture.runUpTo(ctx, "tls");
      CheckResult http = ProbeFixture.runUpTo(ctx, "http");

      assertThat(p.status()).isEqualTo(CheckStatus.PASS);
      assertThat(tls.status()).isEqualTo(CheckStatus.PASS);
      assertThat(tls.evidence()).anyMatch(e -> e.contains("through the proxy tunnel"));
      assertThat(http.fact("status")).isEqualTo("200");
      assertThat(http.fact("via")).contains(String.valueOf(proxy.port()));
      assertThat(proxy.requestLines()).anyMatch(l -> l.startsWith("CONNECT localhost:" + target.port()));
    }
  }

  @Test
  void interceptingProxyIsNamedAsInterception() throws Exception {
    try (AuthProxy proxy = AuthProxy.open(); TlsServer mitm = TlsServer.start(ProbeFixture.PKI, TlsFault.UNTRUSTED_ROOT)) {
      ProbeContext ctx = ctx(proxied(proxy.url(), null, null), mitm.url("/").toString());

      CheckResult tls = ProbeFixture.runUpTo(ctx, "tls");

      assertThat(tls.code() + "/" + tls.cause()).isEqualTo("NET009/interception");
      assertThat(tls.summary()).contains("Corporate Inspection");
    }
  }
}
