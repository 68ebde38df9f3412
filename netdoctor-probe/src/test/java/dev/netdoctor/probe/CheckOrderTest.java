package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.testing.TlsFault;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order a target's checks run in a real run: the tls check (the JVM's handshake), then the timed exchange, which
 * takes the tls check's verdict on the chain instead of validating it again, then the latency samples.
 */
class CheckOrderTest {
  private final ProbeFixture fx = new ProbeFixture();
  private MockWebServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private String slowHttpsServer(long delayMs) throws Exception {
    server = new MockWebServer();
    server.useHttps(ProbeFixture.PKI.serverCertificates(TlsFault.NONE).sslSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).body("{}").headersDelay(delayMs, TimeUnit.MILLISECONDS).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return "https://localhost:" + server.getPort() + "/v1";
  }

  @Test
  void theTimedExchangeStartsWhenTheTlsCheckHasEndedAndTheLatencySamplesAfterIt() throws Exception {
    String url = slowHttpsServer(300);
    List<String> finished = new CopyOnWriteArrayList<>();
    Map<String, Long> finishedAt = new java.util.concurrent.ConcurrentHashMap<>();
    long start = System.nanoTime();
    Doctor doctor = Doctor.builder(fx.settingsWith(Map.of("Slow", new String[] {url}))).environment(fx.env())
        .options(fx.options().build()).machineChecks(false).build();

    Report report = doctor.diagnose(r -> {
      finished.add(r.check());
      finishedAt.put(r.check(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    });

    assertThat(report.findings()).isEmpty();
    assertThat(finished.indexOf("tls")).isLessThan(finished.indexOf("http"));
    assertThat(finished.indexOf("latency")).isGreaterThan(finished.indexOf("http"));
    CheckResult tls = report.checks().stream().filter(c -> c.check().equals("tls")).findFirst().orElseThrow();
    CheckResult http = report.checks().stream().filter(c -> c.check().equals("http")).findFirst().orElseThrow();
    // The exchange (300 ms of it the server's) started only once the tls check had ended: they never overlapped.
    assertThat(finishedAt.get("http") - http.elapsedMs()).isGreaterThanOrEqualTo(finishedAt.get("tls") - 1);
    assertThat(http.elapsedMs()).isGreaterThanOrEqualTo(300);
    assertThat(tls.fact("verified")).isEqualTo("true");
    assertThat(http.fact("status")).isEqualTo("200");
  }
}
