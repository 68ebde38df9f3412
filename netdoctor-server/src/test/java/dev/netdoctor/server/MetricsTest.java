package dev.netdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.ProbeEnvironment;
import dev.netdoctor.probe.ProbeOptions;
import dev.netdoctor.testing.TestPki;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
  @TempDir Path tmp;

  @Test
  void anHttpsProviderGetsItsCertificateExpiryAndTlsVersion() throws Exception {
    TestPki pki = TestPki.create();
    try (TlsServer tls = TlsServer.start(pki, TlsFault.NONE)) {
      Settings settings = Settings.builder(tmp).providers(Providers.builder(tmp)
          .put(Provider.builder("Secure").kind(ProviderKind.OPENAI_COMPATIBLE)
              .baseUrl(URI.create("https://localhost:" + tls.port() + "/v1")).build()).build()).build();
      ProbeEnvironment env = ProbeEnvironment.system()
          .withFiles(Files.writeString(tmp.resolve("resolv.conf"), ""), Files.writeString(tmp.resolve("hosts"), ""))
          .withEnvironment(Map.of());
      ServerConfig config = ServerConfig.builder(settings).port(0).environment(env).providers(Set.of("Secure"))
          .options(ProbeOptions.builder().budget(Duration.ofSeconds(5)).latencySamples(0).path(false)
              .trust(pki.clientTrust().trustManager()).build()).build();
      try (NetdoctorServer server = NetdoctorServer.start(config)) {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(server.uri().resolve("/api/system/network/diagnostics")).build(),
            HttpResponse.BodyHandlers.ofString());
        String m = http.send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();

        Matcher expiry = Pattern.compile("(?m)^netdoctor_tls_cert_expiry_timestamp_seconds\\{target=\"Secure\"} (\\S+)$")
            .matcher(m);
        assertThat(expiry.find()).as(m).isTrue();
        assertThat(Double.parseDouble(expiry.group(1))).isGreaterThan(System.currentTimeMillis() / 1000.0);
        assertThat(m).containsPattern("netdoctor_tls_version\\{target=\"Secure\",version=\"TLS 1\\.[23]\"} 1");
        assertThat(m).contains("netdoctor_check_success{check=\"tls\",target=\"Secure\"} 1");
        assertThat(m).contains("netdoctor_http_phase_duration_seconds{phase=\"tls\",target=\"Secure\"}");
      }
    }
  }
}
