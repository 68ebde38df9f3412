package dev.netdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.FaultPorts;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  /**
   * An upload endpoint that reads the request body at {@code bytesPerPeriod} per {@code periodMillis} and answers
   * 200 when the body is in ({@code answer} true), or never answers. Bounded: at most 1 MiB read, 10 s spent.
   */
  private static ServerSocket slowReader(int bytesPerPeriod, int periodMillis, boolean answer) throws Exception {
    ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n") && head.length() < 8192) head.append((char) in.read());
        long length = Long.parseLong(head.toString().replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
        byte[] buffer = new byte[bytesPerPeriod];
        for (long read = 0; read < Math.min(length, 1 << 20) && System.nanoTime() < end; ) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
          if (n < 0) break;
          read += n;
          Thread.sleep(periodMillis);
        }
        if (answer) {
          OutputStream out = s.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } else {
          Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        }
      } catch (Exception ignored) {
        // the test closes the server
      }
    });
    t.setDaemon(true);
    t.start();
    return server;
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
  void slowUploadIsBelowTheMinimum() throws Exception {
    // 8 KiB per 100 ms ≈ 0.65 Mbit/s: 192 KiB takes about 2.4 s, longer than the window.
    try (ServerSocket server = slowReader(8 * 1024, 100, true)) {
      CheckResult r = run(fx.options().uploadUrl(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/up"))
          .build());

      assertThat(r.code() + "/" + r.cause()).isEqualTo("NET016/low-throughput");
      assertThat(Double.parseDouble(r.fact("upMbps"))).isLessThan(ThroughputProbe.MIN_UP_MBPS);
      assertThat(r.summary()).contains("Mbit/s up").contains("not measured: download");
    }
  }

  @Test
  void uploadJustUnderTheWindowIsMeasuredNotBounded() throws Exception {
    // 16 KiB per 100 ms ≈ 1.3 Mbit/s: 192 KiB in about 1.2 s, inside the window, above the minimum.
    try (ServerSocket server = slowReader(16 * 1024, 100, true)) {
      CheckResult r = run(fx.options().uploadUrl(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/up"))
          .build());

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(Double.parseDouble(r.fact("upMbps"))).isBetween(ThroughputProbe.MIN_UP_MBPS, 2.5);
      assertThat(r.evidence()).anyMatch(e -> e.startsWith("uploaded " + ThroughputProbe.UPLOAD_BYTES + " bytes"));
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
