package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.testing.DnsResponder;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DnsProbeTest {
  private static final String HOST = "api.provider.invalid";
  private final ProbeFixture fx = new ProbeFixture();
  private DnsResponder primary;
  private DnsResponder secondary;

  @BeforeEach
  void start() throws Exception {
    primary = DnsResponder.start();
    secondary = DnsResponder.start();
  }

  @AfterEach
  void stop() {
    primary.close();
    secondary.close();
  }

  private CheckResult probe(DnsResponder system, DnsResponder... direct) throws InterruptedException {
    fx.resolver = HostResolver.using(system.address(), Duration.ofMillis(1500));
    ProbeOptions.Builder o = fx.options().dnsTimeout(Duration.ofMillis(1500));
    for (DnsResponder d : direct) o.extraResolver(d.address());
    ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
        Target.url(URI.create("https://" + HOST + "/v1")), o.build());
    return new DnsProbe().run(ctx);
  }

  @Test
  void nxdomainIsReportedAsNameNotFound() throws Exception {
    primary.nxdomain(HOST);

    CheckResult r = probe(primary, primary);

    assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET002/nxdomain");
    assertThat(r.evidence()).anyMatch(e -> e.contains("NXDOMAIN"));
  }

  @Test
  void servfailFromEveryResolverIsToldApartFromNxdomain() throws Exception {
    primary.servfail(HOST);

    CheckResult r = probe(primary, primary);

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET002/servfail");
    assertThat(r.evidence()).anyMatch(e -> e.contains("SERVFAIL"));
  }

  @Test
  void refusedIsReportedAsRefused() throws Exception {
    primary.refused(HOST);

    assertThat(probe(primary, primary).cause()).isEqualTo("refused");
  }

  @Test
  void silentResolverIsReportedAsResolverTimeout() throws Exception {
    primary.silence(HOST);

    CheckResult r = probe(primary, primary);

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET002/resolver-timeout");
    assertThat(r.facts().get("resolvers").toString()).contains("outcome=timeout");
  }

  @Test
  void systemResolverFailingWhileAnotherAnswersBlamesTheDnsSetting() throws Exception {
    primary.servfail(HOST);
    secondary.answer(HOST, InetAddress.getByName("127.0.0.1"));

    CheckResult r = probe(primary, secondary);

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET002/system-resolver-broken");
    assertThat(r.facts().get("addresses")).isEqualTo(List.of("127.0.0.1"));
    assertThat(r.summary()).contains(secondary.address().getPort() + "");
  }

  @Test
  void answeredNameListsEveryResolversView() throws Exception {
    primary.answer(HOST, InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    secondary.servfail(HOST);

    CheckResult r = probe(primary, primary, secondary);

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    assertThat(r.facts().get("addresses")).isEqualTo(List.of("127.0.0.1", "0:0:0:0:0:0:0:1"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resolvers = (List<Map<String, Object>>) r.facts().get("resolvers");
    assertThat(resolvers).extracting(m -> m.get("outcome")).containsExactly("ok", "servfail");
  }

  @Test
  void hostsFileEntryIsReportedAsEvidence() throws Exception {
    Files.writeString(fx.dir.resolve("hosts"), "10.9.9.9  " + HOST + "  # pinned by someone\n");
    primary.answer(HOST, InetAddress.getByName("127.0.0.1"));

    CheckResult r = probe(primary);

    assertThat(r.facts().get("hostsFile")).isEqualTo(List.of("10.9.9.9"));
    assertThat(r.evidence()).anyMatch(e -> e.contains("maps " + HOST + " to 10.9.9.9"));
  }

  @Test
  void resolveOverrideSkipsDnsAndSaysSo() throws Exception {
    ProbeContext ctx = fx.context(dev.netdoctor.core.settings.Settings.defaults(fx.dir),
        Target.url(URI.create("https://" + HOST + "/")),
        fx.options().resolve(HOST, 443, InetAddress.getByName("127.0.0.1")).build());

    CheckResult r = new DnsProbe().run(ctx);

    assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    assertThat(r.fact("source")).isEqualTo("--resolve");
  }
}
