package dev.netdoctor.client.bench;

import dev.netdoctor.client.ProviderClient;
import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.RateLimiting;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Throughput and latency of the same POST through {@link ProviderClient} (every interceptor on, default
 * settings, logging at Information) and through a bare OkHttp client, against one loopback server, in the same
 * run. Rounds alternate between the two so drift in the machine's load hits both alike.
 *
 * <p>Arguments: {@code [threads] [requestsPerRound] [rounds]}, default {@code 4 3000 6}. Besides the pooled
 * figures it prints the median of the per-round ratios: each client round is compared with the bare round just
 * before it, so a burst of load from other processes spoils one pair instead of the whole comparison.
 */
public final class ClientOverheadBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
  private static final String ANSWER = "{\"choices\":[{\"message\":{\"content\":\"" + "x".repeat(400) + "\"}}]}";

  private ClientOverheadBenchmark() {}

  interface Caller {
    void call() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    Path home = Files.createTempDirectory("netdoctor-bench");
    // The JDK's server with TCP_NODELAY: MockWebServer writes headers and body in separate segments, and the
    // resulting Nagle/delayed-ACK stalls (about 40 ms per call) would hide any client overhead.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    ExecutorService serverThreads = Executors.newFixedThreadPool(threads);
    server.setExecutor(serverThreads);
    byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
      Provider provider = Provider.builder("Bench").kind(ProviderKind.OPENAI_COMPATIBLE).baseUrl(base)
          .apiKey(Optional.of(Secret.of("sk-bench-0123456789abcdef"))).local(false).build();
      Settings settings = Settings.builder(home)
          .providers(Providers.builder(home).put(provider).build())
          .rateLimiting(new RateLimiting(threads, 100))
          .logging(new Logging(Map.of("Default", LogLevel.INFORMATION)))
          .build();

      // The same pool and timeouts as the client derives from these settings (connect 10 s, first byte and
      // total 30 s): the comparison measures the client's own layer, not OkHttp's timeout machinery.
      OkHttpClient bare = new OkHttpClient.Builder().retryOnConnectionFailure(false)
          .connectionPool(new ConnectionPool(10, 90, TimeUnit.SECONDS))
          .connectTimeout(10, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).writeTimeout(30, TimeUnit.SECONDS)
          .callTimeout(30, TimeUnit.SECONDS).build();
      Request bareRequest = new Request.Builder().url(base + "/chat/completions")
          .header("Authorization", "Bearer sk-bench-0123456789abcdef").post(RequestBody.create(BODY, JSON)).build();
      Caller bareCall = () -> {
        try (Response r = bare.newCall(bareRequest).execute()) {
          r.body().string();
        }
      };
      try (ProviderClient client = ProviderClient.builder(settings).environment(Map.of()).build()) {
        Request clientRequest = client.newRequest("Bench", "chat/completions").post(RequestBody.create(BODY, JSON))
            .build();
        Caller clientCall = () -> client.callForText("Bench", clientRequest);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          run(pool, threads, perRound, bareCall);          // warm-up
          run(pool, threads, perRound, clientCall);
          List<long[]> bareRuns = new ArrayList<>();
          List<long[]> clientRuns = new ArrayList<>();
          double bareSeconds = 0;
          double clientSeconds = 0;
          double[] roundRatios = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            bareRuns.add(run(pool, threads, perRound, bareCall));
            long t1 = System.nanoTime();
            clientRuns.add(run(pool, threads, perRound, clientCall));
            long t2 = System.nanoTime();
            bareSeconds += (t1 - t0) / 1e9;
            clientSeconds += (t2 - t1) / 1e9;
            roundRatios[r] = (double) (t1 - t0) / (t2 - t1); // client throughput / bare, this pair of rounds
          }
          report(threads, perRound, rounds, bareRuns, bareSeconds, clientRuns, clientSeconds);
          Arrays.sort(roundRatios);
          System.out.printf(Locale.ROOT, "per-round throughput ratio client/bare: median %.3f, quartiles %.3f..%.3f"
              + " (adjacent rounds, robust to load spikes on a shared machine)%n", roundRatios[rounds / 2],
              roundRatios[rounds / 4], roundRatios[(3 * rounds) / 4]);
        } finally {
          pool.shutdownNow();
        }
      }
      bare.connectionPool().evictAll();
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  private static long[] run(ExecutorService pool, int threads, int total, Caller caller) throws Exception {
    long[] latencies = new long[total];
    int per = total / threads;
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * per;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < per; i++) {
          long s = System.nanoTime();
          caller.call();
          latencies[offset + i] = System.nanoTime() - s;
        }
        return null;
      }));
    }
    for (Future<?> f : futures) f.get(5, TimeUnit.MINUTES);
    return Arrays.copyOf(latencies, per * threads);
  }

  private static void report(int threads, int perRound, int rounds, List<long[]> bare, double bareSeconds,
      List<long[]> client, double clientSeconds) {
    long[] b = merge(bare);
    long[] c = merge(client);
    double bareRps = b.length / bareSeconds;
    double clientRps = c.length / clientSeconds;
    System.out.printf(Locale.ROOT, "threads=%d requests=%d x %d rounds (alternating)%n", threads, perRound, rounds);
    System.out.printf(Locale.ROOT, "%-15s %12s %10s %10s%n", "", "req/s", "p50 ms", "p99 ms");
    System.out.printf(Locale.ROOT, "%-15s %12.0f %10.3f %10.3f%n", "bare OkHttp", bareRps, pct(b, 50), pct(b, 99));
    System.out.printf(Locale.ROOT, "%-15s %12.0f %10.3f %10.3f%n", "ProviderClient", clientRps, pct(c, 50),
        pct(c, 99));
    System.out.printf(Locale.ROOT, "throughput ratio client/bare = %.3f (overhead %.1f%%)%n", clientRps / bareRps,
        (1 - clientRps / bareRps) * 100);
    System.out.printf(Locale.ROOT, "p99 ratio client/bare = %.3f; p50 ratio = %.3f%n", pct(c, 99) / pct(b, 99),
        pct(c, 50) / pct(b, 50));
  }

  private static long[] merge(List<long[]> runs) {
    return runs.stream().flatMapToLong(Arrays::stream).sorted().toArray();
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
