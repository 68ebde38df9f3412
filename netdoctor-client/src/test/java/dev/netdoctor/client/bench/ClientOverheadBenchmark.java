package dev.netdoctor.client.bench;

import com.sun.net.httpserver.HttpServer;
import dev.netdoctor.client.ProviderClient;
import dev.netdoctor.client.internal.IdempotencyKey;
import dev.netdoctor.client.internal.RetryInterceptor;
import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import dev.netdoctor.core.settings.Network;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProviderKind;
import dev.netdoctor.core.settings.Providers;
import dev.netdoctor.core.settings.RateLimiting;
import dev.netdoctor.core.settings.Secret;
import dev.netdoctor.core.settings.Settings;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Throughput, latency and CPU cost of the same POST through {@link ProviderClient} (default settings: retry,
 * breaker, local queue, per-host limit, connection-age tracking, proxy selection, logging at Information) and
 * through a bare OkHttp client configured alike (same pool size and idle time, timeouts, dispatcher limits, no
 * OkHttp retry), against one loopback server, in the same JVM and the same run.
 *
 * <p>Arguments: {@code [threads] [requestsPerRound] [rounds] [rounds|interleaved]}, default
 * {@code 4 2000 20 rounds}. After a warm-up of at
 * least 30 000 calls per client (alternating, so both reach C2), it runs {@code rounds} pairs of rounds in ABBA
 * order (bare first in even pairs, the client first in odd ones) so a steady drift of the machine's load favours
 * neither. Each pair gives a throughput, p50, p99 and CPU-per-call ratio client/bare; the medians and quartiles
 * of those ratios are the robust figures on a shared machine, where one burst of load spoils one pair instead of
 * the pooled totals. Every call is a full HTTP exchange; the server counts them and the answer's length is
 * checked, so neither side can skip work.
 *
 * <p>{@code interleaved}: every caller thread alternates the two clients call by call (which one goes first flips
 * each time), so both meet the same machine at the same moment; it compares the latency of a call (mean, p50,
 * p99). With one thread the mean latency ratio is the throughput ratio; with more it shows each call's own cost,
 * not what a saturated machine loses, which the round mode measures.
 */
public final class ClientOverheadBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
  private static final String ANSWER = "{\"choices\":[{\"message\":{\"content\":\"" + "x".repeat(400) + "\"}}]}";
  private static final int WARM_UP_CALLS = 30_000;
  private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(90);

  private ClientOverheadBenchmark() {}

  interface Caller {
    String call() throws Exception;
  }

  /** One round of one client: every call's latency, the wall time and the process's CPU time. */
  record Round(long[] latencies, long wallNanos, long cpuNanos) {
    double perSecond() {
      return latencies.length / (wallNanos / 1e9);
    }

    double cpuMicrosPerCall() {
      return cpuNanos / 1e3 / latencies.length;
    }

    double percentile(int p) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return pct(sorted, p);
    }
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    boolean interleaved = args.length > 3 && args[3].equals("interleaved");
    // "same": bare OkHttp sends what ProviderClient puts on the wire (a fresh Idempotency-Key on each POST, as an
    // application doing its own retries would), so the ratio is the client's machinery alone, not the server's
    // cost of one more header line.
    boolean sameWire = args.length > 4 && args[4].equals("same");
    Path home = Files.createTempDirectory("netdoctor-bench");
    // The JDK's server with TCP_NODELAY: MockWebServer writes headers and body in separate segments, and the
    // resulting Nagle/delayed-ACK stalls (about 40 ms per call) would hide any client overhead.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    ExecutorService serverThreads = Executors.newFixedThreadPool(threads);
    server.setExecutor(serverThreads);
    byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
    AtomicLong served = new AtomicLong();
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      served.incrementAndGet(); // before answering: the caller may finish the moment the answer is out
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

      OkHttpClient bare = bareLike(settings, provider.timeout());
      Request bareRequest = new Request.Builder().url(base + "/chat/completions")
          .header("Authorization", "Bearer sk-bench-0123456789abcdef").post(RequestBody.create(BODY, JSON)).build();
      Caller bareCall = () -> {
        Request request = sameWire
            ? bareRequest.newBuilder().header(RetryInterceptor.IDEMPOTENCY_KEY, IdempotencyKey.next()).build()
            : bareRequest;
        try (Response r = bare.newCall(request).execute()) {
          return r.body().string();
        }
      };
      try (ProviderClient client = ProviderClient.builder(settings).environment(Map.of()).build()) {
        Request clientRequest = client.newRequest("Bench", "chat/completions").post(RequestBody.create(BODY, JSON))
            .build();
        Caller clientCall = () -> client.callForText("Bench", clientRequest);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          int warmUpPairs = warmUp(pool, threads, perRound, bareCall, clientCall);
          List<Round> bareRounds = new ArrayList<>();
          List<Round> clientRounds = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            if (interleaved) {
              Round[] both = runInterleaved(pool, threads, perRound, bareCall, clientCall);
              bareRounds.add(both[0]);
              clientRounds.add(both[1]);
            } else if (r % 2 == 0) {
              bareRounds.add(run(pool, threads, perRound, bareCall));
              clientRounds.add(run(pool, threads, perRound, clientCall));
            } else {
              clientRounds.add(run(pool, threads, perRound, clientCall));
              bareRounds.add(run(pool, threads, perRound, bareCall));
            }
          }
          long expected = 2L * (warmUpPairs + rounds) * (perRound / threads) * threads;
          if (served.get() != expected) {
            throw new IllegalStateException("the server answered " + served.get() + " calls, expected " + expected);
          }
          System.out.println(sameWire ? "wire: the same headers from both (bare OkHttp adds a fresh Idempotency-Key)"
              : "wire: bare OkHttp sends no Idempotency-Key; ProviderClient sends one on each POST");
          if (interleaved) {
            reportInterleaved(threads, perRound, rounds, warmUpPairs, bareRounds, clientRounds);
          } else {
            report(threads, perRound, rounds, warmUpPairs, bareRounds, clientRounds);
          }
        } finally {
          pool.shutdownNow();
        }
      }
      bare.dispatcher().executorService().shutdown();
      bare.connectionPool().evictAll();
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  /**
   * Alternates rounds of both clients until each has made {@link #WARM_UP_CALLS} calls and the JIT has settled
   * (compiling took under 2% of the last three pairs' time), or for at most {@link #WARM_UP_LIMIT}. Returns the
   * number of pairs run.
   */
  private static int warmUp(ExecutorService pool, int threads, int perRound, Caller bare, Caller client)
      throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    int minPairs = Math.max(5, (WARM_UP_CALLS + perRound - 1) / perRound);
    long start = System.nanoTime();
    long[] compileMs = new long[4];
    long[] wallNanos = new long[4];
    for (int pair = 1; ; pair++) {
      long c0 = jit.getTotalCompilationTime();
      long t0 = System.nanoTime();
      run(pool, threads, perRound, bare);
      run(pool, threads, perRound, client);
      compileMs[pair % 4] = jit.getTotalCompilationTime() - c0;
      wallNanos[pair % 4] = System.nanoTime() - t0;
      long recentCompile = 0;
      long recentWall = 0;
      for (int i = 0; i < 3; i++) {
        recentCompile += compileMs[(pair - i + 4) % 4];
        recentWall += wallNanos[(pair - i + 4) % 4];
      }
      boolean settled = recentCompile * 1_000_000L < 0.02 * recentWall;
      if ((pair >= minPairs && settled) || System.nanoTime() - start > WARM_UP_LIMIT.toNanos()) return pair;
    }
  }

  /**
   * A bare OkHttp client with what {@code ProviderClient} derives from {@code settings} for one provider: the
   * pool's size and idle time, the dispatcher's limits, connect 10 s, read/write/call = the provider's timeout,
   * no OkHttp retry. Only the client's own layer differs.
   */
  private static OkHttpClient bareLike(Settings settings, Duration timeout) {
    Network net = settings.network();
    int perServer = Math.max(1, net.maxConnectionsPerServer());
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(perServer);
    dispatcher.setMaxRequests(Math.max(perServer, settings.rateLimiting().maxConcurrentRequests()));
    Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    return new OkHttpClient.Builder().retryOnConnectionFailure(false).followSslRedirects(true)
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(perServer, Math.max(1, net.connectionIdleTimeout().toMillis()),
            TimeUnit.MILLISECONDS))
        .connectTimeout(connect).readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout)
        .build();
  }

  private static Round run(ExecutorService pool, int threads, int total, Caller caller) throws Exception {
    int per = total / threads;
    long[] latencies = new long[per * threads];
    List<Future<?>> futures = new ArrayList<>();
    Map<Long, Long> cpu0 = threadCpu();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int offset = t * per;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < per; i++) {
          long s = System.nanoTime();
          String answer = caller.call();
          latencies[offset + i] = System.nanoTime() - s;
          if (answer.length() != ANSWER.length()) throw new IllegalStateException("short answer: " + answer);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) f.get(5, TimeUnit.MINUTES);
    long wall = System.nanoTime() - t0;
    long cpu = 0;
    for (Map.Entry<Long, Long> e : threadCpu().entrySet()) cpu += e.getValue() - cpu0.getOrDefault(e.getKey(), 0L);
    return new Round(latencies, wall, cpu);
  }

  /** {@code total} calls of each client, alternated call by call on every thread; wall and CPU are shared. */
  private static Round[] runInterleaved(ExecutorService pool, int threads, int total, Caller bare, Caller client)
      throws Exception {
    int per = total / threads;
    long[] b = new long[per * threads];
    long[] c = new long[per * threads];
    List<Future<?>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int offset = t * per;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < per; i++) {
          boolean bareFirst = (i & 1) == 0;
          for (int k = 0; k < 2; k++) {
            boolean isBare = (k == 0) == bareFirst;
            long s = System.nanoTime();
            String answer = (isBare ? bare : client).call();
            (isBare ? b : c)[offset + i] = System.nanoTime() - s;
            if (answer.length() != ANSWER.length()) throw new IllegalStateException("short answer: " + answer);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) f.get(5, TimeUnit.MINUTES);
    long wall = System.nanoTime() - t0;
    return new Round[] {new Round(b, wall, 0), new Round(c, wall, 0)};
  }

  private static void reportInterleaved(int threads, int perRound, int rounds, int warmUpPairs, List<Round> bare,
      List<Round> client) {
    long[] b = merge(bare);
    long[] c = merge(client);
    double bareMean = Arrays.stream(b).average().orElse(0) / 1e6;
    double clientMean = Arrays.stream(c).average().orElse(0) / 1e6;
    System.out.printf(Locale.ROOT, "threads=%d, %d rounds of %d calls per client, interleaved call by call, after %d"
        + " warm-up pairs; cores=%d%n", threads, rounds, perRound, warmUpPairs,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-15s %9s %9s %9s %9s%n", "", "mean ms", "p50 ms", "p99 ms", "p99.9 ms");
    System.out.printf(Locale.ROOT, "%-15s %9.3f %9.3f %9.3f %9.3f%n", "bare OkHttp", bareMean, pct(b, 50), pct(b, 99),
        pct(b, 99.9));
    System.out.printf(Locale.ROOT, "%-15s %9.3f %9.3f %9.3f %9.3f%n", "ProviderClient", clientMean, pct(c, 50),
        pct(c, 99), pct(c, 99.9));
    System.out.printf(Locale.ROOT, "pooled ratio client/bare: mean latency %.3f, p50 %.3f, p99 %.3f%n",
        clientMean / bareMean, pct(c, 50) / pct(b, 50), pct(c, 99) / pct(b, 99));
    double[] mean = new double[rounds];
    double[] p99 = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      mean[r] = Arrays.stream(client.get(r).latencies()).average().orElse(0)
          / Arrays.stream(bare.get(r).latencies()).average().orElse(1);
      p99[r] = client.get(r).percentile(99) / bare.get(r).percentile(99);
    }
    System.out.println("per-round ratio client/bare, median [quartiles]: mean latency " + spread(mean) + "   p99 "
        + spread(p99));
    Arrays.sort(mean);
    Arrays.sort(p99);
    System.out.printf(Locale.ROOT, "overhead (median of rounds): latency %+.1f%%%s, p99 %+.1f%%%n",
        (median(mean) - 1) * 100, threads == 1 ? " (= throughput at one thread)" : "", (median(p99) - 1) * 100);
  }

  /**
   * The CPU time of every live Java thread (server, callers, OkHttp's; not the JIT's and GC's, which the JVM
   * does not list), in nanoseconds. The process total the OS keeps is counted in 10 ms ticks, too coarse for a
   * round of a few tens of milliseconds.
   */
  private static Map<Long, Long> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> out = new java.util.HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) out.put(id, t);
    }
    return out;
  }

  private static void report(int threads, int perRound, int rounds, int warmUpPairs, List<Round> bare,
      List<Round> client) {
    long[] b = merge(bare);
    long[] c = merge(client);
    double bareRps = b.length / (bare.stream().mapToLong(Round::wallNanos).sum() / 1e9);
    double clientRps = c.length / (client.stream().mapToLong(Round::wallNanos).sum() / 1e9);
    double bareCpu = bare.stream().mapToLong(Round::cpuNanos).sum() / 1e3 / b.length;
    double clientCpu = client.stream().mapToLong(Round::cpuNanos).sum() / 1e3 / c.length;
    System.out.printf(Locale.ROOT, "threads=%d, %d rounds of %d calls per client in ABBA order after %d warm-up "
        + "pairs; cores=%d%n", threads, rounds, perRound, warmUpPairs, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-15s %10s %9s %9s %9s %13s%n", "", "req/s", "p50 ms", "p99 ms", "p99.9 ms",
        "CPU us/call");
    System.out.printf(Locale.ROOT, "%-15s %10.0f %9.3f %9.3f %9.3f %13.1f%n", "bare OkHttp", bareRps, pct(b, 50),
        pct(b, 99), pct(b, 99.9), bareCpu);
    System.out.printf(Locale.ROOT, "%-15s %10.0f %9.3f %9.3f %9.3f %13.1f%n", "ProviderClient", clientRps,
        pct(c, 50), pct(c, 99), pct(c, 99.9), clientCpu);
    System.out.printf(Locale.ROOT, "pooled ratio client/bare: throughput %.3f, p50 %.3f, p99 %.3f, CPU/call %.3f%n",
        clientRps / bareRps, pct(c, 50) / pct(b, 50), pct(c, 99) / pct(b, 99), clientCpu / bareCpu);
    double[] tput = new double[rounds];
    double[] p50 = new double[rounds];
    double[] p99 = new double[rounds];
    double[] cpu = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      Round x = client.get(r);
      Round y = bare.get(r);
      tput[r] = x.perSecond() / y.perSecond();
      p50[r] = x.percentile(50) / y.percentile(50);
      p99[r] = x.percentile(99) / y.percentile(99);
      cpu[r] = x.cpuMicrosPerCall() / y.cpuMicrosPerCall();
    }
    System.out.println("per-pair ratio client/bare, median [quartiles]:");
    System.out.println("  throughput " + spread(tput) + "   p50 " + spread(p50) + "   p99 " + spread(p99)
        + "   CPU/call " + spread(cpu));
    Arrays.sort(tput);
    Arrays.sort(p99);
    System.out.printf(Locale.ROOT, "overhead (median of pairs): throughput %.1f%%, p99 %+.1f%%%n",
        (1 - median(tput)) * 100, (median(p99) - 1) * 100);
  }

  private static String spread(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return String.format(Locale.ROOT, "%.3f [%.3f..%.3f]", median(v), v[(v.length - 1) / 4],
        v[(3 * (v.length - 1) + 3) / 4]);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static long[] merge(List<Round> rounds) {
    return rounds.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
