package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.probe.internal.FailureMapper;
import dev.netdoctor.probe.internal.ProxyRouting;
import dev.netdoctor.probe.internal.ResultBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Download and upload speed against seed 000's minimum: 5 Mbit/s down, 1 Mbit/s up. No provider API serves a file
 * to time, so the URLs come from {@link ProbeOptions#downloadUrl()} ({@code --throughput-url}) and
 * {@link ProbeOptions#uploadUrl()} ({@code --upload-url}, a URL that accepts a POST); with neither the check is
 * skipped and says why.
 *
 * <ul>
 *   <li>Down: a GET whose body is read for at most {@link #WINDOW} or {@link #MAX_DOWN_BYTES}; the rate runs from
 *       the arrival of the answer's headers (so the server's think time is not counted). A body smaller than
 *       {@link #MIN_DOWN_SAMPLE} that ends before the window is not judged: TCP slow start makes a small file look
 *       slow on a fast link.</li>
 *   <li>Up: a POST of {@link #UPLOAD_BYTES} zero bytes; the rate runs from the first body byte sent to the first
 *       byte of the answer (the server has read the body by then). No answer within {@link #WINDOW} bounds the rate
 *       from above ({@code UPLOAD_BYTES} in the window), which is below the minimum: a finding.</li>
 * </ul>
 * An answer other than 2xx leaves that direction unmeasured, with the status as the reason. Every transfer is
 * bounded in bytes and by the run's budget.
 *
 * <p>Facts: {@code downMbps}, {@code downBytes}, {@code downUrl}, {@code upMbps}, {@code upBytes},
 * {@code upStatus}, {@code upUrl}.
 */
public final class ThroughputProbe implements Probe {
  public static final String NAME = "throughput";
  public static final double MIN_DOWN_MBPS = 5.0;
  public static final double MIN_UP_MBPS = 1.0;
  /** The longest each direction is timed for. */
  static final Duration WINDOW = Duration.ofSeconds(2);
  static final long MAX_DOWN_BYTES = 16L * 1024 * 1024;
  static final long MIN_DOWN_SAMPLE = 1024 * 1024;
  /** 192 KiB: 1.5 Mbit, so an upload not answered within the 2 s window is below 0.8 Mbit/s. */
  static final int UPLOAD_BYTES = 192 * 1024;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult run(ProbeContext ctx) {
    ResultBuilder r = new ResultBuilder(NAME, "network", ctx);
    if (ctx.options().downloadUrl().isEmpty() && ctx.options().uploadUrl().isEmpty()) {
      return r.skip("not measured: no URL to time (no provider API serves a file to download); give "
          + "--throughput-url URL, and --upload-url URL for upload, to compare against the minimum of "
          + fmt(MIN_DOWN_MBPS) + " Mbit/s down, " + fmt(MIN_UP_MBPS) + " Mbit/s up");
    }
    List<String> parts = new ArrayList<>();
    List<String> slow = new ArrayList<>();
    List<String> unmeasured = new ArrayList<>();
    if (ctx.options().downloadUrl().isPresent()) {
      CheckResult failed = download(ctx, ctx.options().downloadUrl().get(), r, parts, slow, unmeasured);
      if (failed != null) return failed;
    } else {
      unmeasured.add("download (no --throughput-url)");
    }
    if (ctx.options().uploadUrl().isPresent()) {
      CheckResult failed = upload(ctx, ctx.options().uploadUrl().get(), r, parts, slow, unmeasured);
      if (failed != null) return failed;
    } else {
      unmeasured.add("upload (no --upload-url)");
    }
    String summary = String.join(", ", parts) + (unmeasured.isEmpty() ? "" : "; not measured: "
        + String.join(", ", unmeasured));
    if (!slow.isEmpty()) {
      return r.warn("NET016", "low-throughput", String.join(", ", slow) + " (minimum " + fmt(MIN_DOWN_MBPS)
          + " Mbit/s down, " + fmt(MIN_UP_MBPS) + " Mbit/s up)" + (unmeasured.isEmpty() ? ""
              : "; not measured: " + String.join(", ", unmeasured)));
    }
    if (parts.isEmpty()) return r.skip("not measured: " + String.join(", ", unmeasured));
    return r.pass(summary);
  }

  /** Times the download; returns a failed result when nothing arrived, else null after adding to the lists. */
  private static CheckResult download(ProbeContext ctx, URI url, ResultBuilder r, List<String> parts,
      List<String> slow, List<String> unmeasured) {
    Duration window = ctx.budget().cap(WINDOW);
    OkHttpClient client = client(ctx, window.plusMillis(500), null);
    r.fact("downUrl", url.toString());
    long bytes = 0;
    long start = 0;
    boolean windowEnded = false;
    try (Response response = client.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
      if (!response.isSuccessful()) {
        r.evidence("GET " + url + " → " + response.code());
        unmeasured.add("download (" + url.getHost() + " answered " + response.code() + ")");
        return null;
      }
      InputStream in = response.body().byteStream();
      byte[] buffer = new byte[64 * 1024];
      start = ctx.env().ticker().getAsLong();
      long deadline = start + window.toNanos();
      for (int n; bytes < MAX_DOWN_BYTES && (n = in.read(buffer)) != -1; ) {
        bytes += n;
        if (ctx.env().ticker().getAsLong() >= deadline) {
          windowEnded = true;
          break;
        }
      }
    } catch (IOException e) {
      r.evidence("download: " + FailureMapper.describe(e));
      if (bytes == 0) {
        return r.fail(FailureMapper.map(e, FailureMapper.Phase.RESPONSE), "download from " + url.getHost()
            + " failed");
      }
      windowEnded = true; // cut short: what arrived in the time it ran is still a rate
    } finally {
      close(client);
    }
    long nanos = ctx.env().ticker().getAsLong() - start;
    double mbps = mbps(bytes, nanos);
    r.fact("downBytes", bytes).fact("downMbps", mbps).evidence(String.format(Locale.ROOT,
        "downloaded %d bytes in %d ms from %s: %.2f Mbit/s", bytes, nanos / 1_000_000, url, mbps));
    boolean judged = bytes >= MIN_DOWN_SAMPLE || windowEnded;
    if (!judged) {
      r.evidence("a body of " + bytes + " bytes ended before " + WINDOW.toMillis() + " ms: too small to judge "
          + "(use a URL serving at least " + MIN_DOWN_SAMPLE / (1024 * 1024) + " MiB)");
      unmeasured.add(String.format(Locale.ROOT, "download (%.1f Mbit/s over only %d bytes)", mbps, bytes));
      return null;
    }
    parts.add(fmt(mbps) + " Mbit/s down");
    if (mbps < MIN_DOWN_MBPS) slow.add(fmt(mbps) + " Mbit/s down");
    return null;
  }

  /** Times the upload; returns a failed result when the connection failed, else null after adding to the lists. */
  private static CheckResult upload(ProbeContext ctx, URI url, ResultBuilder r, List<String> parts,
      List<String> slow, List<String> unmeasured) {
    Duration window = ctx.budget().cap(WINDOW);
    AtomicLong bodyStart = new AtomicLong();
    AtomicLong bodyEnd = new AtomicLong();
    AtomicLong answerStart = new AtomicLong();
    EventListener timing = new EventListener() {
      @Override
      public void requestBodyStart(Call call) {
        bodyStart.set(ctx.env().ticker().getAsLong());
      }

      @Override
      public void requestBodyEnd(Call call, long byteCount) {
        bodyEnd.set(ctx.env().ticker().getAsLong());
      }

      @Override
      public void responseHeadersStart(Call call) {
        answerStart.set(ctx.env().ticker().getAsLong());
      }
    };
    OkHttpClient client = client(ctx, window, timing);
    r.fact("upUrl", url.toString());
    Request request = new Request.Builder().url(url.toString()).post(new ZeroBody(UPLOAD_BYTES)).build();
    try (Response response = client.newCall(request).execute()) {
      r.fact("upStatus", response.code());
      if (!response.isSuccessful()) {
        r.evidence("POST " + UPLOAD_BYTES + " bytes to " + url + " → " + response.code());
        unmeasured.add("upload (" + url.getHost() + " answered " + response.code() + "; it may not accept uploads)");
        return null;
      }
      long nanos = answerStart.get() - bodyStart.get();
      double mbps = mbps(UPLOAD_BYTES, nanos);
      r.fact("upBytes", UPLOAD_BYTES).fact("upMbps", mbps).evidence(String.format(Locale.ROOT,
          "uploaded %d bytes in %d ms to %s: %.2f Mbit/s", UPLOAD_BYTES, nanos / 1_000_000, url, mbps));
      parts.add(fmt(mbps) + " Mbit/s up");
      if (mbps < MIN_UP_MBPS) slow.add(fmt(mbps) + " Mbit/s up");
      return null;
    } catch (IOException e) {
      r.evidence("upload: " + FailureMapper.describe(e));
      FailureMapper.Mapped m = FailureMapper.map(e, FailureMapper.Phase.RESPONSE);
      if (bodyStart.get() == 0) return r.fail(m, "upload to " + url.getHost() + " failed");
      if (!m.code().equals("NET004")) return r.fail(m, "upload to " + url.getHost() + " broke off");
      // Not answered within the window: the rate is at most the body over the window.
      double bound = mbps(UPLOAD_BYTES, window.toNanos());
      r.fact("upMbps", bound).evidence(String.format(Locale.ROOT, "%d bytes not taken in within %d ms: at most "
          + "%.2f Mbit/s", UPLOAD_BYTES, window.toMillis(), bound)
          + (bodyEnd.get() == 0 ? " (the body was not even all sent)" : ""));
      if (bound < MIN_UP_MBPS) {
        slow.add("below " + fmt(bound) + " Mbit/s up");
        parts.add("below " + fmt(bound) + " Mbit/s up");
      } else {
        unmeasured.add("upload (no answer within " + window.toMillis() + " ms)");
      }
      return null;
    } finally {
      close(client);
    }
  }

  /** A client that reaches the throughput URLs the way the application would: through their proxy, if any. */
  private static OkHttpClient client(ProbeContext ctx, Duration callTimeout, EventListener listener) {
    OkHttpClient.Builder b = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    ProxyRouting.apply(b, ctx.proxy(), ctx.env().resolver(), Dns.SYSTEM);
    if (listener != null) b.eventListener(listener);
    return b.build();
  }

  private static void close(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  static double mbps(long bytes, long nanos) {
    if (nanos <= 0) return 0;
    return Math.round(bytes * 8.0 / (nanos / 1e9) / 1e6 * 100) / 100.0;
  }

  private static String fmt(double mbps) {
    return String.format(Locale.ROOT, "%.1f", mbps);
  }

  /** {@code length} zero bytes, written in 16 KiB pieces. */
  private static final class ZeroBody extends RequestBody {
    private final int length;

    ZeroBody(int length) {
      this.length = length;
    }

    @Override
    public MediaType contentType() {
      return MediaType.get("application/octet-stream");
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      byte[] chunk = new byte[16 * 1024];
      for (int sent = 0; sent < length; sent += chunk.length) {
        sink.write(chunk, 0, Math.min(chunk.length, length - sent));
      }
    }
  }
}
