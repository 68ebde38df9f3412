package dev.netdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.probe.ProbeOptions;
import dev.netdoctor.testing.TestPki;
import dev.netdoctor.testing.TlsFault;
import dev.netdoctor.testing.TlsServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeEndpointTest {
  private static final TestPki PKI = TestPki.create();
  @TempDir Path tmp;

  /** Sample value of {@code series} (name plus labels exactly as written), or null. */
  static Double sample(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }

  private static ProbeOptions trusting(ProbeOptions o) {
    return o.toBuilder().trust(PKI.clientTrust().trustManager()).build();
  }

  @Test
  void http2xxReportsSuccessStatusAndEveryPhaseLikeBlackboxExporter() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      HttpResponse<String> r = f.get("/probe?module=http_2xx&target=http://127.0.0.1:" + f.provider.getPort() + "/v1/models");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
      assertThat(sample(r.body(), "probe_success")).isEqualTo(1.0);
      assertThat(sample(r.body(), "probe_http_status_code")).isEqualTo(200.0);
      assertThat(sample(r.body(), "probe_http_version")).isEqualTo(1.1);
      assertThat(sample(r.body(), "probe_duration_seconds")).isPositive();
      for (String phase : List.of("resolve", "connect", "tls", "processing", "transfer")) {
        assertThat(sample(r.body(), "probe_http_duration_seconds{phase=\"" + phase + "\"}")).as(phase).isNotNull();
      }
      assertThat(sample(r.body(), "probe_http_duration_seconds{phase=\"processing\"}")).isPositive();
      assertThat(r.body()).contains("# TYPE probe_success gauge").doesNotContain("netdoctor_failure_info");
    }
  }

  @Test
  void aNon2xxAnswerIsAFailedProbeWithItsStatus() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      f.provider.setDispatcher(new mockwebserver3.Dispatcher() {
        @Override
        public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
          return new mockwebserver3.MockResponse.Builder().code(503).build();
        }
      });
      HttpResponse<String> r = f.get("/probe?module=http_2xx&target=127.0.0.1:" + f.provider.getPort() + "/v1/models");

      assertThat(sample(r.body(), "probe_success")).isEqualTo(0.0);
      assertThat(sample(r.body(), "probe_http_status_code")).isEqualTo(503.0);
      assertThat(r.body()).contains("netdoctor_failure_info{check=\"http\",code=\"NET007\",cause=\"service-unavailable\"} 1");
    }
  }

  @Test
  void aRefusedConnectionFailsWithItsCodeAsALabel() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      HttpResponse<String> r = f.get("/probe?module=tcp_connect&target=127.0.0.1:" + f.closedPort);

      assertThat(sample(r.body(), "probe_success")).isEqualTo(0.0);
      assertThat(r.body()).containsPattern("netdoctor_failure_info\\{check=\"tcp-ipv4\",code=\"NET008\",cause=\"[a-z-]*\"} 1");
    }
  }

  @Test
  void anExpiredCertificateFailsTlsConnectWithNet009AndItsExpiry() throws Exception {
    try (TlsServer tls = TlsServer.start(PKI, TlsFault.EXPIRED);
        Fixture f = new Fixture(tmp, b -> b.options(trusting(b.build().options()))
            .probeTargets(List.of("localhost:" + tls.port())))) {
      HttpResponse<String> r = f.get("/probe?module=tls_connect&target=localhost:" + tls.port());

      assertThat(sample(r.body(), "probe_success")).isEqualTo(0.0);
      assertThat(r.body()).contains("code=\"NET009\",cause=\"expired\"");
      Double expiry = sample(r.body(), "probe_ssl_earliest_cert_expiry");
      assertThat(expiry).isNotNull();
      assertThat(expiry).isLessThan(System.currentTimeMillis() / 1000.0);
    }
  }

  @Test
  void aGoodHttpsTargetReportsTlsVersionAndCertificateExpiry() throws Exception {
    try (TlsServer tls = TlsServer.start(PKI, TlsFault.NONE);
        Fixture f = new Fixture(tmp, b -> b.options(trusting(b.build().options())).allowAnyTarget(true))) {
      HttpResponse<String> r = f.get("/probe?module=http_2xx&target=" + tls.url("/"));

      assertThat(sample(r.body(), "probe_success")).isEqualTo(1.0);
      assertThat(sample(r.body(), "probe_http_ssl")).isEqualTo(1.0);
      assertThat(r.body()).containsPattern("probe_tls_version_info\\{version=\"TLS 1\\.[23]\"} 1");
      assertThat(sample(r.body(), "probe_ssl_earliest_cert_expiry")).isGreaterThan(System.currentTimeMillis() / 1000.0);
      assertThat(sample(r.body(), "probe_http_duration_seconds{phase=\"tls\"}")).isPositive();
    }
  }

  @Test
  void onlyConfiguredTargetsAreProbedUnlessOpened() throws Exception {
    try (Fixture closed = new Fixture(tmp, b -> b)) {
      HttpResponse<String> r = closed.get("/probe?module=tcp_connect&target=127.0.0.2:" + closed.provider.getPort());
      HttpResponse<String> name = closed.get("/probe?module=dns&target=example.invalid");

      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("127.0.0.2").contains("--allow-any-target");
      assertThat(name.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void badRequestsAreAnsweredLikeBlackboxExporter() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      HttpResponse<String> noTarget = f.get("/probe?module=http_2xx");
      HttpResponse<String> badModule = f.get("/probe?module=icmp&target=127.0.0.1");
      HttpResponse<String> noPort = f.get("/probe?module=tcp_connect&target=127.0.0.1");

      assertThat(noTarget.statusCode()).isEqualTo(400);
      assertThat(noTarget.body()).contains("Target parameter is missing");
      assertThat(badModule.statusCode()).isEqualTo(400);
      assertThat(badModule.body()).contains("Unknown module \"icmp\"").contains("http_2xx");
      assertThat(noPort.statusCode()).isEqualTo(400);
      assertThat(noPort.body()).contains("host:port");
    }
  }

  @Test
  void theScrapeTimeoutBoundsTheProbe() {
    assertThat(timeout("5")).isEqualTo(Duration.ofMillis(4500));
    assertThat(timeout("60")).isEqualTo(Duration.ofSeconds(10));
    assertThat(timeout(null)).isEqualTo(Duration.ofSeconds(10));
    assertThat(timeout("soon")).isEqualTo(Duration.ofSeconds(10));
  }

  private static Duration timeout(String header) {
    return dev.netdoctor.server.internal.BlackboxProbe.timeout(header);
  }

  @Test
  void metricsShowTheLatestDiagnosisPerTargetWithTheFailureCode() throws Exception {
    try (Fixture f = new Fixture(tmp, b -> b)) {
      f.get("/api/system/network/diagnostics");
      String m = f.get("/metrics").body();

      assertThat(sample(m, "netdoctor_check_success{check=\"http\",target=\"Local\"}")).isEqualTo(1.0);
      assertThat(sample(m, "netdoctor_check_success{check=\"tcp-ipv4\",target=\"Broken\"}")).isEqualTo(0.0);
      assertThat(m).containsPattern("netdoctor_failure\\{cause=\"[a-z-]*\",check=\"tcp-ipv4\",code=\"NET008\",target=\"Broken\"} 1");
      assertThat(sample(m, "netdoctor_http_status_code{target=\"Local\"}")).isEqualTo(200.0);
      assertThat(m).contains("netdoctor_http_phase_duration_seconds{phase=\"processing\",target=\"Local\"}");
      assertThat(m).containsPattern("netdoctor_check_duration_seconds\\{check=\"http\",target=\"Local\"} [0-9.eE-]+");
      assertThat(sample(m, "netdoctor_diagnosis_healthy")).isEqualTo(0.0);
      assertThat(sample(m, "netdoctor_diagnosis_runs_total")).isGreaterThanOrEqualTo(1.0);
    }
  }
}
