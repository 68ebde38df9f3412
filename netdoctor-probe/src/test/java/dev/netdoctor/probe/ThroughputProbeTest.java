package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.UploadSink;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Download and upload speed against loopback servers that serve, take in, or throttle a bounded number of bytes. */
class ThroughputProbeTest {
  private final ProbeFixture fx = new ProbeFixture();

  private CheckResult run(ProbeOptions options) {
    return new ThroughputProbe().run(fx.context(Settings.defaults(fx.dir), null, options));
  }

  private static MockWebServer serving(MockResponse... responses) throws Exception {
    MockWebServer server = new MockWebServer();
    for (MockResponse r : responses) server.enqueue(r);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  private static MockResponse bytes(int n) {
    return new MockResponse.Builder().body(new Buffer().write(new byte[n])).build();
  }

  @Test
  void withoutAnyUrlTheCheckIsSkippedAndSaysHowToMeasure() {
    CheckResult r = run(fx.options().build());

    assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(r.summary()).contains("not measured").contains("--throughput-url").contains("--upload-url")
        .contains("5.0 Mbit/s down").contains("1.0 Mbit/s up");
  }

  @Test
  void doctorAlwaysListsTheThroughputCheckSoASkipIsVisible() {
    Report r = Doctor.builder(fx.settingsWith(java.util.Map.of())).environment(fx.env())
        .options(fx.options().only(java.util.Set.of("throughput")).build()).build().diagnose(DiagnosisListener.NONE);

    assertThat(Doctor.results(r, "throughput")).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.SKIPPED));
  }

  @Test
  void throughputGoesThroughTheProxyTheRequestsWouldTakeWithItsCredentials() throws Exception {
    try (MockWebServer server = serving(bytes(2 * 1024 * 1024));
        dev.netdoctor.testing.AuthProxy proxy = dev.netdoctor.testing.AuthProxy.start("alice", "s3cret-pw")) {
      Report r = Doctor.builder(fx.settingsWith(java.util.Map.of())).environment(fx.env())
          .options(fx.options().only(java.util.Set.of("throughput")).downloadUrl(server.url("/file").uri())
              .proxy(URI.create("http://alice:s3cret-pw@127.0.0.1:" + proxy.port())).build())
          .build().diagnose(DiagnosisListener.NONE);

      CheckResult c = Doctor.results(r, "throughput").get(0);
      assertThat(c.status()).isEqualTo(CheckStatus.PASS);
      assertThat(c.longFact("downBytes", 0)).isEqualTo(2 * 1024 * 1024);
      assertThat(proxy.requestLines()).as("the download went through the proxy")
          .anyMatch(line -> line.startsWith("GET " + server.url("/file") + " "));
      assertThat(c.toString() + c.evidence() + c.facts()).doesNotContain("s3cret-pw");
    }
  }

  @Test
  void fastDownloadAndUploadPassWithBothRates() throws Exception {
    try (MockWebServer server = serving(bytes(4 * 1024 * 1024), new MockResponse.Builder().code(201).build())) {
      CheckResult r = run(fx.options().downloadUrl(server.url("/file").uri()).uploadUrl(server.url("/up").uri())
          .build());

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.longFact("downBytes", 0)).isEqualTo(4 * 1024 * 1024);
      assertThat(Double.parseDouble(r.fact("downMbps"))).isGreaterThan(ThroughputProbe.MIN_DOWN_MBPS);
      assertThat(Double.parseDouble(r.fact("upMbps"))).isGreaterThan(ThroughputProbe.MIN_UP_MBPS);
      assertThat(r.summary()).contains("Mbit/s down").contains("Mbit/s up");
      server.takeRequest(1, TimeUnit.SECONDS);
      RecordedRequest up = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(up.getMethod()).isEqualTo("POST");
      assertThat(up.getBodySize()).isEqualTo(ThroughputProbe.UPLOAD_BYTES);
    }
  }

  @Test
  void throttledDownloadIsBelowTheMinimum() throws Exception {
    // 2 MiB at 16 KiB per 50 ms ≈ 2.6 Mbit/s: the 2 s window ends first, so the rate is judged.
    MockResponse slow = new MockResponse.Builder().body(new Buffer().write(new byte[2 * 1024 * 1024]))
        .throttleBody(16 * 1024, 50, TimeUnit.MILLISECONDS).build();
    try (MockWebServer server = serving(slow)) {
      CheckResult r = run(fx.options().downloadUrl(server.url("/file").uri()).build());

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET016/low-throughput");
      assertThat(Double.parseDouble(r.fact("downMbps"))).isLessThan(ThroughputProbe.MIN_DOWN_MBPS);
      assertThat(r.longFact("downBytes", 0)).isLessThan(2 * 1024 * 1024);
      assertThat(r.summary()).contains("Mbit/s down").contains("minimum 5.0");
    }
  }

  @Test
  void smallFileIsNotJudgedBecauseSlowStartWouldMakeItLookSlow() throws Exception {
    MockResponse small = new MockResponse.Builder().body(new Buffer().write(new byte[64 * 1024]))
        .throttleBody(16 * 1024, 100, TimeUnit.MILLISECONDS).build();
    try (MockWebServer server = serving(small)) {
      CheckResult r = run(fx.options().downloadUrl(server.url("/small").uri()).build());

      assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
      assertThat(r.summary()).contains("only 65536 bytes");
      assertThat(r.evidence()).anyMatch(e -> e.contains("too small to judge"));
    }
  }

  @Test
  void uploadNotTakenInWithinTheWindowIsBelowTheMinimum() throws Exception {
    // 8 KiB per 100 ms ≈ 0.65 Mbit/s: 192 KiB would take about 2.4 s, longer than the 2 s window.
    try (UploadSink sink = UploadSink.paced(8 * 1024, 100)) {
      CheckResult r = run(fx.options().uploadUrl(URI.create(sink.url())).build());

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET016/low-throughput");
      assertThat(Double.parseDouble(r.fact("upMbps"))).isLessThan(ThroughputProbe.MIN_UP_MBPS);
      assertThat(r.summary()).contains("below 0.8 Mbit/s up").contains("not measured: download");
    }
  }

  @Test
  void uploadEndpointThatNeverAnswersIsBoundedNotAwaitedForever() throws Exception {
    try (UploadSink sink = UploadSink.silent(64 * 1024, 0)) {
      CheckResult r = run(fx.options().uploadUrl(URI.create(sink.url())).build());

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET016/low-throughput");
      assertThat(r.evidence()).anyMatch(e -> e.contains("not taken in within"));
      assertThat(r.elapsedMs()).isLessThan(ThroughputProbe.WINDOW.toMillis() + 2_000);
    }
  }

  @Test
  void slowUploadInsideTheWindowIsMeasured() throws Exception {
    // 8 KiB per 50 ms ≈ 1.3 Mbit/s: 192 KiB in about 1.2 s, inside the window, above the minimum.
    try (UploadSink sink = UploadSink.paced(8 * 1024, 50)) {
      CheckResult r = run(fx.options().uploadUrl(URI.create(sink.url())).build());

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(Double.parseDouble(r.fact("upMbps"))).isBetween(ThroughputProbe.MIN_UP_MBPS, 2.5);
      assertThat(r.evidence()).anyMatch(e -> e.startsWith("uploaded " + ThroughputProbe.UPLOAD_BYTES + " bytes"));
      assertThat(sink.received()).isEqualTo(ThroughputProbe.UPLOAD_BYTES);
    }
  }

  @Test
  void uploadUrlThatRejectsPostsLeavesUploadUnmeasuredWithTheStatus() throws Exception {
    try (MockWebServer server = serving(bytes(4 * 1024 * 1024), new MockResponse.Builder().code(405).build())) {
      CheckResult r = run(fx.options().downloadUrl(server.url("/file").uri()).uploadUrl(server.url("/up").uri())
          .build());

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.summary()).contains("Mbit/s down").contains("upload (localhost answered 405");
      assertThat(r.fact("upStatus")).isEqualTo("405");
    }
  }

  @Test
  void downloadUrlAnsweringAnErrorIsNotAPass() throws Exception {
    try (MockWebServer server = serving(new MockResponse.Builder().code(404).build())) {
      CheckResult r = run(fx.options().downloadUrl(server.url("/missing").uri()).build());

      assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
      assertThat(r.summary()).contains("answered 404");
    }
  }

  @Test
  void downloadFromAClosedPortFailsWithTheConnectionCause() throws Exception {
    int closed = FaultPorts.closedPort();

    CheckResult r = run(fx.options().downloadUrl(URI.create("http://127.0.0.1:" + closed + "/f"))
        .budget(Duration.ofSeconds(3)).build());

    assertThat(r.code() + "/" + r.cause()).isEqualTo("NET008/port-closed");
  }
}
