package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Download (and, where a URL accepts uploads, upload) speed against seed 000's minimum: 5 Mbit/s down, 1 Mbit/s
 * up. Runs only when {@link ProbeOptions#downloadUrl()} is given (no provider offers a file to download). Reads at
 * most {@link #MAX_BYTES} or until its share of the budget ends, whichever is first.
 *
 * <p>Facts: {@code downMbps}, {@code downBytes}, {@code upMbps}, {@code upBytes}.
 */
public final class ThroughputProbe implements Probe {
  public static final String NAME = "throughput";
  public static final double MIN_DOWN_MBPS = 5.0;
  public static final double MIN_UP_MBPS = 1.0;
  static final long MAX_BYTES = 16L * 1024 * 1024;
  static final int UPLOAD_BYTES = 1024 * 1024;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    ResultBuilder r = new ResultBuilder(NAME, "network", ctx);
    if (ctx.options().downloadUrl().isEmpty()) return r.skip("no download URL given (--throughput-url)");
    Duration window = ctx.budget().cap(Duration.ofSeconds(4));
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .callTimeout(window.toMillis(), TimeUnit.MILLISECONDS).build();
    try {
      URI down = ctx.options().downloadUrl().get();
      long start = ctx.env().ticker().getAsLong();
      long bytes = 0;
      long deadline = start + window.toNanos();
      try (Response response = client.newCall(new Request.Builder().url(down.toString()).build()).execute();
          InputStream in = response.body().byteStream()) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; bytes < MAX_BYTES && ctx.env().ticker().getAsLong() < deadline && (n = in.read(buffer)) != -1; ) {
          bytes += n;
        }
      } catch (IOException e) {
        if (bytes == 0) {
          r.evidence(FailureMapper.describe(e));
          return r.fail(FailureMapper.map(e, FailureMapper.Phase.RESPONSE), "download failed");
        }
      }
      double downMbps = mbps(bytes, ctx.env().ticker().getAsLong() - start);
      r.fact("downBytes", bytes).fact("downMbps", downMbps)
          .evidence(String.format(Locale.ROOT, "downloaded %d bytes at %.2f Mbit/s", bytes, downMbps));
      Double upMbps = null;
      if (ctx.options().uploadUrl().isPresent()) {
        long upStart = ctx.env().ticker().getAsLong();
        RequestBody body = RequestBody.create(new byte[UPLOAD_BYTES], MediaType.get("application/octet-stream"));
        try (Response response = client.newCall(new Request.Builder().url(ctx.options().uploadUrl().get().toString())
            .post(body).build()).execute()) {
          r.fact("upStatus", response.code());
          upMbps = mbps(UPLOAD_BYTES, ctx.env().ticker().getAsLong() - upStart);
          r.fact("upBytes", UPLOAD_BYTES).fact("upMbps", upMbps)
              .evidence(String.format(Locale.ROOT, "uploaded %d bytes at %.2f Mbit/s", UPLOAD_BYTES, upMbps));
        } catch (IOException e) {
          r.evidence("upload: " + FailureMapper.describe(e));
        }
      }
      String summary = String.format(Locale.ROOT, "%.1f Mbit/s down", downMbps)
          + (upMbps == null ? "" : String.format(Locale.ROOT, ", %.1f Mbit/s up", upMbps));
      if (downMbps < MIN_DOWN_MBPS || (upMbps != null && upMbps < MIN_UP_MBPS)) {
        return r.warn("NET016", "low-throughput", summary + " (minimum " + MIN_DOWN_MBPS + " down, "
            + MIN_UP_MBPS + " up)");
      }
      return r.pass(summary);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  static double mbps(long bytes, long nanos) {
    if (nanos <= 0) return 0;
    return Math.round(bytes * 8.0 / (nanos / 1e9) / 1e6 * 100) / 100.0;
  }
}
