package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.UploadSink;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;

/**
 * How close the throughput check's rates come to a known pace, for docs/benchmarks.md ("Probe: throughput and
 * SOCKS"). Loopback servers pace the bytes: mockwebserver's {@code throttleBody} for downloads, {@link UploadSink}
 * for uploads; the pace is {@code chunk * 8 / period} and ignores the (loopback) transfer time itself.
 *
 * <pre>
 * ./mvnw -q -o -pl netdoctor-probe -am test-compile
 * ./mvnw -q -o -pl netdoctor-probe exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.netdoctor.probe.ThroughputAccuracyBenchmark
 * </pre>
 */
public final class ThroughputAccuracyBenchmark {
  private ThroughputAccuracyBenchmark() {}

  public static void main(String[] args) throws Exception {
    ProbeFixture fx = new ProbeFixture();
    System.out.println("direction  paced Mbit/s  measured Mbit/s  measured/paced  verdict  (raw-socket Mbit/s)");
    for (int chunk : new int[] {8 * 1024, 16 * 1024, 32 * 1024, 64 * 1024}) {
      MockResponse body = new MockResponse.Builder().body(new Buffer().write(new byte[8 * 1024 * 1024]))
          .throttleBody(chunk, 50, TimeUnit.MILLISECONDS).build();
      try (MockWebServer server = new MockWebServer()) {
        server.enqueue(body);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        CheckResult r = new ThroughputProbe().run(fx.context(Settings.defaults(fx.dir), null,
            fx.options().downloadUrl(server.url("/f").uri()).build()));
        print("down", chunk, 50, r.fact("downMbps"), r, "");
      }
    }
    for (int chunk : new int[] {4 * 1024, 8 * 1024, 16 * 1024, 32 * 1024}) {
      double raw;
      try (UploadSink sink = UploadSink.paced(chunk, 50)) {
        raw = rawUpload(URI.create(sink.url()));
      }
      try (UploadSink sink = UploadSink.paced(chunk, 50)) {
        CheckResult r = new ThroughputProbe().run(fx.context(Settings.defaults(fx.dir), null,
            fx.options().uploadUrl(URI.create(sink.url())).build()));
        print("up", chunk, 50, r.fact("upMbps"), r, String.format(Locale.ROOT, "  (%.2f)", raw));
      }
    }
    System.exit(0);
  }

  /**
   * The same upload without OkHttp, as a reference for the sink's real pace: a plain socket writes the head and the
   * body, and the rate runs from the first body byte to the first byte of the answer.
   */
  private static double rawUpload(URI url) throws Exception {
    try (java.net.Socket s = new java.net.Socket(url.getHost(), url.getPort())) {
      s.setSoTimeout(10_000);
      java.io.OutputStream out = s.getOutputStream();
      out.write(("POST " + url.getPath() + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + ThroughputProbe.UPLOAD_BYTES
          + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      out.write(new byte[ThroughputProbe.UPLOAD_BYTES]);
      out.flush();
      if (s.getInputStream().read() < 0) return Double.NaN;
      return ThroughputProbe.mbps(ThroughputProbe.UPLOAD_BYTES, System.nanoTime() - start);
    }
  }

  private static void print(String direction, int chunk, int periodMillis, String measured, CheckResult r,
      String reference) {
    double paced = chunk * 8.0 / (periodMillis / 1000.0) / 1e6;
    double m = measured == null ? Double.NaN : Double.parseDouble(measured);
    System.out.printf(Locale.ROOT, "%-9s  %12.2f  %15.2f  %14.2f  %s%s%n", direction, paced, m, m / paced,
        r.status() + (r.code() == null ? "" : " " + r.code() + "/" + r.cause()), reference);
  }
}
