package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.Finding;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.report.ReportJson;
import dev.netdoctor.core.report.ReportMarkdown;
import dev.netdoctor.core.report.ReportText;
import dev.netdoctor.core.report.Severity;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.AuthProxy;
import dev.netdoctor.testing.DnsResponder;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every reasoning rule through a whole run of the engine against loopback servers. */
class ReasoningRulesTest {
  private static final String KEY = "sk-proj-ReasoningRulesTestKey0123456789abcdef";
  private final ProbeFixture fx = new ProbeFixture();
  private MockWebServer ok;

  @BeforeEach
  void start() throws Exception {
    ok = new MockWebServer();
    ok.setDispatcher(answer(200));
    ok.start(InetAddress.getByName("127.0.0.1"), 0);
    for (String n : List.of("a.invalid", "b.invalid", "c.invalid")) fx.name(n, "127.0.0.1");
  }

  @AfterEach
  void stop() {
    ok.close();
  }

  private static Dispatcher answer(int code) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(code).body("{}").build();
      }
    };
  }

  private Report run(Settings settings, ProbeOptions options) {
    return Doctor.builder(settings).environment(fx.env()).options(options).machineChecks(false).build()
        .diagnose(DiagnosisListener.NONE);
  }

  private Report run(Settings settings) {
    return run(settings, fx.options().build());
  }

  private static List<String> codes(Report r) {
    return r.findings().stream().map(Finding::codeAndCause).toList();
  }

  private Map<String, String[]> three(int port) {
    Map<String, String[]> m = new LinkedHashMap<>();
    for (String p : List.of("a", "b", "c")) m.put("P" + p.toUpperCase(), new String[] {"http://" + p + ".invalid:" + port + "/v1"});
    return m;
  }

  @Test
  void healthyRunHasNoFindingAndExitsZero() {
    Report r = run(fx.settingsWith(three(ok.getPort())));

    assertThat(r.findings()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(Doctor.results(r, "http")).allMatch(c -> "200".equals(c.fact("status")));
  }

  @Test
  void oneBrokenResolverIsOneFindingForAllProviders() throws Exception {
    try (DnsResponder broken = DnsResponder.start()) {
      broken.otherwise(new DnsResponder.Error(org.xbill.DNS.Rcode.SERVFAIL));

      Report r = run(fx.settingsWith(three(ok.getPort())), fx.options().extraResolver(broken.address()).build());

      assertThat(codes(r)).containsExactly("NET002/servfail");
      Finding f = r.findings().get(0);
      assertThat(f.targets()).containsExactly("PA", "PB", "PC");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.summary()).contains(broken.address().getPort() + "").contains("SERVFAIL");
    }
  }

  @Test
  void systemResolverFailingWhereAnotherAnswersIsOneDnsSettingFinding() throws Exception {
    try (DnsResponder system = DnsResponder.start(); DnsResponder good = DnsResponder.start()) {
      system.otherwise(new DnsResponder.Error(org.xbill.DNS.Rcode.SERVFAIL));
      for (String n : List.of("a.invalid", "b.invalid", "c.invalid")) good.answer(n, InetAddress.getByName("127.0.0.1"));
      fx.resolver = HostResolver.using(system.address(), Duration.ofMillis(500));

      Report r = run(fx.settingsWith(three(ok.getPort())), fx.options().extraResolver(good.address()).build());

      assertThat(codes(r)).contains("NET002/system-resolver-broken").doesNotContain("NET002/nxdomain");
      Finding f = r.findings().get(0);
      assertThat(f.codeAndCause()).isEqualTo("NET002/system-resolver-broken");
      assertThat(f.targets()).containsExactly("PA", "PB", "PC");
      assertThat(r.findings().stream().filter(x -> x.severity() == Severity.ERROR)).hasSize(1);
    }
  }

  @Test
  void nameThatDoesNotExistAnywhereIsOneNxdomainFindingPerName() {
    Map<String, String[]> m = Map.of("Ghost", new String[] {"https://ghost.invalid/v1"});

    Report r = run(fx.settingsWith(m));

    assertThat(codes(r)).containsExactly("NET002/nxdomain");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void ipv6FailingWhereIpv4WorksSaysPreferIpv4() throws Exception {
    fx.name("dual.invalid", "127.0.0.1", "::1");
    Map<String, String[]> m = Map.of("Dual", new String[] {"http://dual.invalid:" + ok.getPort() + "/v1"});

    Report r = run(fx.settingsWith(m));

    assertThat(codes(r)).containsExactly("NET014/ipv6-unreachable");
    assertThat(r.findings().get(0).evidence().get(0)).contains("IPv6").contains("IPv4");
    assertThat(r.findings().get(0).guide()).isEqualTo("ipv6-path-broken");
  }

  @Test
  void directWorksAndProxyFailsNamesTheProxy() throws Exception {
    try (AuthProxy proxy = AuthProxy.start("alice", "s3cret"); TlsServer target = TlsServer.start(ProbeFixture.PKI, TlsFault.NONE)) {
      Settings base = fx.settingsWith(Map.of("Api", new String[] {target.url("/v1").toString()}));
      Settings s = base.toBuilder().network(base.network().toBuilder().useProxy(true)
          .proxyUrl(Optional.of(URI.create(proxy.url()))).proxyBypass(List.of()).build()).build();

      Report r = run(s);

      assertThat(codes(r)).containsExactly("NET010/credentials-missing");
      Finding f = r.findings().get(0);
      assertThat(f.confidence()).isGreaterThan(0.9);
      assertThat(f.summary()).contains("the proxy is the problem");
      assertThat(f.evidence()).anyMatch(e -> e.startsWith("direct control"));
    }
  }

  @Test
  void nothingConnectingAnywhereIsOneFirewallFindingWithinTheBudget() throws Exception {
    try (FaultPorts.Blackhole h1 = FaultPorts.blackhole(); FaultPorts.Blackhole h2 = FaultPorts.blackhole()) {
      Map<String, String[]> m = new LinkedHashMap<>();
      m.put("PA", new String[] {"http://a.invalid:" + h1.port() + "/v1"});
      m.put("PB", new String[] {"http://b.invalid:" + h2.port() + "/v1"});

      Report r = run(fx.settingsWith(m), fx.options().budget(Duration.ofSeconds(3)).build());

      assertThat(codes(r)).containsExactly("NET005/firewall");
      assertThat(r.findings().get(0).targets()).containsExactly("PA", "PB");
      assertThat(r.elapsedMs()).isLessThan(3000 + 500);
    }
  }

  @Test
  void noResolverAnsweringAnythingIsOffline() throws Exception {
    try (DnsResponder silent = DnsResponder.start()) {
      silent.otherwise(new DnsResponder.Silence());
      fx.resolver = HostResolver.using(silent.address(), Duration.ofMillis(300));

      Report r = run(fx.settingsWith(three(ok.getPort())),
          fx.options().extraResolver(silent.address()).dnsTimeout(Duration.ofMillis(300)).build());

      assertThat(codes(r)).containsExactly("NET005/offline");
    }
  }

  @Test
  void sameUnknownCaOnEveryTargetIsInterception() throws Exception {
    try (TlsServer t1 = TlsServer.start(ProbeFixture.PKI, TlsFault.UNTRUSTED_ROOT);
        TlsServer t2 = TlsServer.start(ProbeFixture.PKI, TlsFault.UNTRUSTED_ROOT)) {
      Map<String, String[]> m = new LinkedHashMap<>();
      m.put("One", new String[] {t1.url("/v1").toString()});
      m.put("Two", new String[] {t2.url("/v1").toString()});

      Report r = run(fx.settingsWith(m));

      assertThat(codes(r)).containsExactly("NET009/interception");
      assertThat(r.findings().get(0).targets()).containsExactly("One", "Two");
      assertThat(r.findings().get(0).summary()).contains("Corporate Inspection Root CA");
    }
  }

  @Test
  void expiredCertificateIsOneFindingNotAlsoAnHttpFailure() throws Exception {
    try (TlsServer t = TlsServer.start(ProbeFixture.PKI, TlsFault.EXPIRED)) {
      Report r = run(fx.settingsWith(Map.of("Exp", new String[] {t.url("/v1").toString()})));

      assertThat(codes(r)).containsExactly("NET009/expired");
    }
  }

  @Test
  void rejectedKeyMeansReachableAndTheKeyIsTheProblem() throws Exception {
    ok.setDispatcher(answer(401));

    Report r = run(fx.settingsWith(Map.of("Keyed", new String[] {"http://a.invalid:" + ok.getPort() + "/v1", KEY})));

    assertThat(codes(r)).containsExactly("AUTH002/invalid");
    Finding f = r.findings().get(0);
    assertThat(f.rule()).isEqualTo("key");
    assertThat(f.summary()).contains("the key is the problem");
    assertThat(f.evidence().get(0)).startsWith("reachable: HTTP 401");
  }

  @Test
  void hostsFileEntryWhoseAddressFailsIsTheOverride() throws Exception {
    int closed = FaultPorts.closedPort();
    java.nio.file.Files.writeString(fx.dir.resolve("hosts"), "127.0.0.1 localhost\n127.0.0.1 pinned.invalid\n");
    fx.name("pinned.invalid", "127.0.0.1");

    Report r = run(fx.settingsWith(Map.of("Pinned", new String[] {"http://pinned.invalid:" + closed + "/v1"})));

    assertThat(codes(r)).containsExactly("NET002/hosts-override");
    assertThat(r.findings().get(0).evidence()).anyMatch(e -> e.contains("127.0.0.1"))
        .anyMatch(e -> e.contains("refused"));
  }

  @Test
  void settingsProblemsBecomeOneFindingEachNamingTheKey() throws Exception {
    Settings base = fx.settingsWith(three(ok.getPort()));
    Settings s = base.toBuilder().network(base.network().toBuilder().ignoreSslErrors(true).build())
        .cors(new dev.netdoctor.core.settings.Cors(List.of("http://localhost:5173/"))).build();

    Report r = Doctor.builder(s).environment(fx.env()).options(fx.options().only(java.util.Set.of("settings")).build())
        .build().diagnose(DiagnosisListener.NONE);

    assertThat(codes(r)).containsExactly("CFG002/trailing-slash", "CFG003/ignore-ssl-errors");
    assertThat(r.findings().get(0).summary()).startsWith("Cors.AllowedOrigins");
    assertThat(r.findings().get(1).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void noSecretAppearsInAnyReportForm() throws Exception {
    ok.setDispatcher(answer(401));
    Settings base = fx.settingsWith(Map.of("Keyed", new String[] {"http://a.invalid:" + ok.getPort() + "/v1", KEY}));
    Settings s = base.toBuilder().network(base.network().toBuilder().proxyUsername(Optional.of("bob"))
        .proxyPassword(Optional.of(Secret.of("pr0xy-Pa55word"))).build()).build();
    fx.environment = Map.of("HTTPS_PROXY", "http://bob:env-Pa55word@proxy.invalid:3128", "PATH", "");

    Report r = run(s);

    for (String out : List.of(ReportJson.write(r), ReportText.write(r), ReportMarkdown.write(r))) {
      assertThat(out).doesNotContain(KEY).doesNotContain("pr0xy-Pa55word").doesNotContain("env-Pa55word");
    }
    assertThat(ReportMarkdown.write(r)).contains("set (" + KEY.length() + " characters)");
  }
}
