package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.codes.Os;
import dev.netdoctor.core.report.Finding;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.codes.FixText;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A finding's fix steps name the host, port, URL and proxy that were probed, not an example provider. */
class FixStepsNameTheTargetTest {
  /** A command in a fix step aimed at one fixed provider host instead of a placeholder. */
  private static final Pattern FIXED_TARGET = Pattern.compile(
      "`(nslookup|getent hosts|tracert|traceroute|tracepath|mtr|curl|curl\\.exe|openssl)[^`]*api\\.openai\\.com");
  private static final List<String> PLACEHOLDERS =
      List.of("<host>", "<port>", "<url>", "<proxy>", "<proxy-host>", "<proxy-port>");
  private final ProbeFixture fx = new ProbeFixture();

  private Report run(Map<String, String[]> providers) {
    return Doctor.builder(fx.settingsWith(providers)).environment(fx.env()).options(fx.options().build())
        .machineChecks(false).build().diagnose(DiagnosisListener.NONE);
  }

  @Test
  void expiredCertificateFixNamesTheProbedHostAndPort() throws Exception {
    try (TlsServer t = TlsServer.start(ProbeFixture.PKI, TlsFault.EXPIRED)) {
      Report r = run(Map.of("Exp", new String[] {t.url("/v1").toString()}));

      Finding f = r.findings().get(0);
      assertThat(f.codeAndCause()).isEqualTo("NET009/expired");
      String fix = String.join("\n", f.fix());
      assertThat(fix).contains("localhost").doesNotContain("api.openai.com");
      if (Os.current() != Os.WINDOWS) assertThat(fix).contains("-connect localhost:" + t.port());
      else assertThat(fix).contains("https://localhost:" + t.port() + "/v1/models");
      PLACEHOLDERS.forEach(p -> assertThat(fix).doesNotContain(p));
    }
  }

  @Test
  void refusedConnectionFixNamesTheClosedPort() throws Exception {
    int closed = FaultPorts.closedPort();

    Report r = run(Map.of("Shut", new String[] {"http://127.0.0.1:" + closed + "/v1"}));

    Finding f = r.findings().stream().filter(x -> x.code().equals("NET008")).findFirst().orElseThrow();
    assertThat(String.join("\n", f.fix())).contains(String.valueOf(closed)).doesNotContain("<port>");
  }

  @Test
  void everyCommandInEveryFixStepAimsAtAPlaceholderNotAFixedProviderHost() {
    for (ErrorCode code : CodeRegistry.builtIn().all()) {
      for (Os os : List.of(Os.WINDOWS, Os.MACOS, Os.LINUX)) {
        for (String step : code.fixStepsFor(os)) {
          assertThat(FIXED_TARGET.matcher(step).find()).as(code.id() + " " + os + ": " + step).isFalse();
        }
      }
    }
  }

  @Test
  void everyPlaceholderOfEveryCodeIsFilledForAProxiedTarget() {
    Map<String, String> values = FixText.values(URI.create("https://api.anthropic.com/v1/models"),
        Optional.of("Anthropic"), Optional.of(URI.create("socks5h://proxy.invalid:1080")));
    for (ErrorCode code : CodeRegistry.builtIn().all()) {
      for (Os os : List.of(Os.WINDOWS, Os.MACOS, Os.LINUX)) {
        String fix = String.join("\n", FixText.render(code.fixStepsFor(os), values));
        PLACEHOLDERS.forEach(p -> assertThat(fix).as(code.id() + " " + os).doesNotContain(p));
      }
    }
    assertThat(FixText.render(CodeRegistry.builtIn().require("NET011").fixStepsFor(Os.LINUX), values))
        .anyMatch(s -> s.contains("nc -vz proxy.invalid 1080") && s.contains("-x socks5h://proxy.invalid:1080"));
    assertThat(FixText.render(CodeRegistry.builtIn().require("NET016").fixStepsFor(Os.LINUX), values))
        .anyMatch(s -> s.contains("Providers.Anthropic.TimeoutSeconds"));
  }

  @Test
  void withoutValuesThePlaceholdersStayReadable() {
    List<String> steps = CodeRegistry.builtIn().require("NET002").fixStepsFor(Os.LINUX);

    assertThat(FixText.render(steps, Map.of())).isEqualTo(steps);
    assertThat(String.join("\n", steps)).contains("getent hosts <host>");
  }

  @Test
  void proxyCredentialsNeverReachTheFixText() {
    Map<String, String> values = FixText.values(URI.create("https://h.invalid/"), Optional.empty(),
        Optional.of(URI.create("http://bob:hunter2@proxy.invalid:3128")));

    assertThat(values.get("proxy")).isEqualTo("http://proxy.invalid:3128");
    assertThat(values.values()).noneMatch(v -> v.contains("hunter2"));
  }
}
