package dev.netdoctor.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsValuesTest {
  @Test
  void aSecretNeverPrintsItsValue() {
    Secret s = Secret.of("sk-abc123456789");

    assertThat(s.toString()).isEqualTo("[redacted]");
    assertThat(s.reveal()).isEqualTo("sk-abc123456789");
    assertThat(s).isEqualTo(Secret.of("sk-abc123456789")).isNotEqualTo(Secret.of("sk-other"));
    assertThat(new ProxyCredentials("bob", s).toString()).doesNotContain("abc123");
    assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tlsVersionsParseInTheSettingsDotNetAndJdkSpellings() {
    assertThat(TlsVersion.parse("TLS12")).contains(TlsVersion.TLS12);
    assertThat(TlsVersion.parse("Tls13")).contains(TlsVersion.TLS13);
    assertThat(TlsVersion.parse("TLSv1.2")).contains(TlsVersion.TLS12);
    assertThat(TlsVersion.parse("1.3")).contains(TlsVersion.TLS13);
    assertThat(TlsVersion.parse("TLSv1")).contains(TlsVersion.TLS10);
    assertThat(TlsVersion.parse("SSL3")).isEmpty();
    assertThat(TlsVersion.TLS13.jdkName()).isEqualTo("TLSv1.3");
  }

  @Test
  void effectiveTlsVersionsDropThoseBelowTheMinimum() {
    Network n = Network.builder().minimumTlsVersion(TlsVersion.TLS13)
        .allowedTlsVersions(List.of(TlsVersion.TLS13, TlsVersion.TLS12)).build();

    assertThat(n.effectiveTlsVersions()).containsExactly(TlsVersion.TLS13);
  }

  @Test
  void logLevelsParseDotNetAndSlf4jNames() {
    assertThat(LogLevel.parse("Information")).contains(LogLevel.INFORMATION);
    assertThat(LogLevel.parse("info")).contains(LogLevel.INFORMATION);
    assertThat(LogLevel.parse("WARN")).contains(LogLevel.WARNING);
    assertThat(LogLevel.parse("off")).contains(LogLevel.NONE);
    assertThat(LogLevel.parse("Verbose")).isEmpty();
  }

  @Test
  void theLongestCategoryPrefixDecidesTheLevel() {
    Map<String, LogLevel> levels = new LinkedHashMap<>();
    levels.put("Default", LogLevel.WARNING);
    levels.put("dev.netdoctor", LogLevel.INFORMATION);
    levels.put("dev.netdoctor.client", LogLevel.TRACE);
    Logging logging = new Logging(levels);

    assertThat(logging.levelFor("dev.netdoctor.client.internal.Retry")).contains(LogLevel.TRACE);
    assertThat(logging.levelFor("dev.netdoctor.probe.Dns")).contains(LogLevel.INFORMATION);
    assertThat(logging.levelFor("dev.netdoctorx")).contains(LogLevel.WARNING);
  }

  @Test
  void providerKindsAcceptCommonNamesForLocalServers() {
    assertThat(ProviderKind.parse("openai-compatible")).contains(ProviderKind.OPENAI_COMPATIBLE);
    assertThat(ProviderKind.parse("Ollama")).contains(ProviderKind.OPENAI_COMPATIBLE);
    assertThat(ProviderKind.parse("stability")).contains(ProviderKind.STABILITY);
    assertThat(ProviderKind.REPLICATE.conventionalKeyVariable()).isEqualTo("REPLICATE_API_TOKEN");
    assertThat(ProviderKind.parse("Gemini")).isEmpty();
  }

  @Test
  void aProviderOnLoopbackIsLocalUnlessSaidOtherwise() {
    Provider local = Provider.builder("Llama").baseUrl(URI.create("http://127.0.0.1:11434/v1")).build();
    Provider remote = Provider.builder("Gw").baseUrl(URI.create("https://gw.example/v1")).build();
    Provider forced = remote.toBuilder().local(true).build();

    assertThat(local.local()).isTrue();
    assertThat(remote.local()).isFalse();
    assertThat(forced.local()).isTrue();
    assertThatThrownBy(() -> Provider.builder("NoUrl").build()).hasMessageContaining("NoUrl needs a baseUrl");
  }

  @Test
  void aProxyUrlWithCredentialsCannotBeBuiltIntoTheRecord() {
    assertThatThrownBy(() -> Network.builder().proxyUrl(Optional.of(URI.create("http://u:p@proxy:1"))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("u:p");
  }

  @Test
  void problemsPrintInCompilerStyle() {
    assertThat(new SettingsProblem(SettingsProblem.Severity.ERROR, "appsettings.json", 12, 5, "Network.Timeout",
        "expected a number of milliseconds, got \"abc\"").toString())
        .isEqualTo("appsettings.json:12:5: Network.Timeout: expected a number of milliseconds, got \"abc\"");
    assertThat(new SettingsProblem(SettingsProblem.Severity.WARNING, "system property netdoctor.X", 0, 0, "X",
        "unknown key").toString()).isEqualTo("system property netdoctor.X: X: warning: unknown key");
  }
}
