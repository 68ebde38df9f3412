package dev.netdoctor.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  @Test
  void theTokenMustMatchExactlyAndOnlyAsABearerHeader() {
    TokenCheck check = new TokenCheck(Optional.of(Secret.of("s3cret-token")));

    assertThat(check.allows("Bearer s3cret-token")).isTrue();
    assertThat(check.allows("bearer s3cret-token")).isTrue();
    assertThat(check.allows("Bearer s3cret-toke")).isFalse();
    assertThat(check.allows("Bearer s3cret-token2")).isFalse();
    assertThat(check.allows("Basic czNjcmV0LXRva2Vu")).isFalse();
    assertThat(check.allows("s3cret-token")).isFalse();
    assertThat(check.allows(null)).isFalse();
    assertThat(new TokenCheck(Optional.empty()).allows(null)).isTrue();
  }

  @Test
  void corsMatchesOriginsExactly() {
    CorsPolicy cors = new CorsPolicy(List.of("http://localhost:5173", "app://."));

    assertThat(cors.allows("http://localhost:5173")).isTrue();
    assertThat(cors.allows("app://.")).isTrue();
    assertThat(cors.allows("http://localhost:5173/")).isFalse();
    assertThat(cors.allows("HTTP://LOCALHOST:5173")).isFalse();
    assertThat(cors.allows("https://localhost:5173")).isFalse();
    assertThat(cors.allows("null")).isFalse();
    assertThat(cors.allowsPreflight("http://localhost:5173", "GET", "Authorization, content-type")).isTrue();
    assertThat(cors.allowsPreflight("http://localhost:5173", "GET", "x-api-key")).isFalse();
    assertThat(cors.allowsPreflight("http://localhost:5173", "POST", null)).isFalse();
  }

  @Test
  void probeTargetsAreTheProvidersTheBackendAndTheExtras() {
    Settings settings = Settings.defaults(Path.of("/nonexistent-home"));
    TargetPolicy policy = new TargetPolicy(settings, List.of("127.0.0.1:9000", "[::1]:9001"), false);

    assertThat(policy.allows(URI.create("https://api.openai.com/v1/models"))).isTrue();
    assertThat(policy.allows(URI.create("https://API.OPENAI.COM:443/"))).isTrue();
    assertThat(policy.allows(URI.create("http://api.openai.com/"))).isFalse();
    assertThat(policy.allows(URI.create("http://localhost:5005/health"))).isTrue();
    assertThat(policy.allows(URI.create("http://127.0.0.1:9000/"))).isTrue();
    assertThat(policy.allows(URI.create("http://[::1]:9001/"))).isTrue();
    assertThat(policy.allows(URI.create("http://10.0.0.1:22/"))).isFalse();
    assertThat(policy.allowsHost("api.anthropic.com")).isTrue();
    assertThat(policy.allowsHost("example.invalid")).isFalse();
    assertThat(new TargetPolicy(settings, List.of(), true).allows(URI.create("http://10.0.0.1:22/"))).isTrue();
    assertThatThrownBy(() -> new TargetPolicy(settings, List.of("no-port"), false))
        .hasMessageContaining("'no-port' is not host:port");
  }

  @Test
  void phasesFollowBlackboxExporterFromCumulativeTimings() {
    var http = new dev.netdoctor.core.report.CheckResult("http", "t", dev.netdoctor.core.report.CheckStatus.PASS, "ok",
        10, null, null, List.of(), java.util.Map.of("timings", java.util.Map.of("dnsMs", 1.0, "connectMs", 3.0,
            "tlsMs", 7.0, "firstByteMs", 12.0, "totalMs", 20.0)), false);

    assertThat(Phases.of(http)).containsExactly(java.util.Map.entry("resolve", 0.001),
        java.util.Map.entry("connect", 0.002), java.util.Map.entry("tls", 0.004),
        java.util.Map.entry("processing", 0.005), java.util.Map.entry("transfer", 0.008));
    assertThat(Phases.tlsLabel("TLSv1.3")).isEqualTo("TLS 1.3");
    assertThat(Exposition.format(200)).isEqualTo("200");
    assertThat(Exposition.format(0.0015)).isEqualTo("0.0015");
    assertThat(Exposition.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
  }
}
