package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.testing.FaultPorts;
import dev.netdoctor.testing.TestPki;
import dev.netdoctor.testing.TlsFault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The probe engine's numbers for docs/benchmarks.md ("Probe engine"), printed side by side. Loopback only. Modes:
 * {@code blackhole}, {@code healthy}, {@code healthy-plain} and {@code healthy-external [SCRIPT]} ({@code -Drounds=N}, default 21), {@code trace},
 * {@code curl [URL CA.pem]} (one warm JVM), {@code cli JAR|LAUNCHER [RUNS [URL CA.pem]]} (a fresh JVM per probe); the
 * commands are in docs/benchmarks.md.
 */
public final class ProbeEngineBenchmark {
  private ProbeEngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    String which = args.length == 0 ? "all" : args[0];
    // The servers' note for each latency connect that sends no request is expected here; keep the output readable.
    java.util.logging.Logger.getLogger("mockwebserver3.MockWebServer").setLevel(java.util.logging.Level.SEVERE);
    if (which.equals("all") || which.equals("blackhole")) blackhole();
    if (which.equals("all") || which.equals("healthy")) healthy(false);
    if (which.equals("all") || which.equals("healthy-plain")) healthy(true);
    if (which.equals("all") || which.equals("curl")) curl(args.length > 1 ? args[1] : null,
        args.length > 2 ? Path.of(args[2]) : null);
    if (which.equals("healthy-external")) {
      healthyExternal(Path.of(args.length > 1 ? args[1] : "bench/healthy-targets.py"));
    }
    if (which.equals("trace")) trace();
    if (which.equals("cli")) cli(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20,
        args.length > 3 ? args[3] : null, args.length > 4 ? Path.of(args[4]) : null);
    System.exit(0);
  }

  /** Six providers whose every connect is dropped: time to the verdict under the default 10 s budget. */
  static void blackhole() throws Exception {
    List<FaultPorts.Blackhole> holes = new ArrayList<>();
    try {
      ProbeFixture fx = new ProbeFixture();
      Map<String, String[]> providers = new LinkedHashMap<>();
      for (int i = 0; i < 6; i++) {
        FaultPorts.Blackhole h = FaultPorts.blackhole();
        holes.add(h);
        fx.name("p" + i + ".invalid", "127.0.0.1");
        providers.put("P" + i, new String[] {"https://p" + i + ".invalid:" + h.port() + "/v1"});
      }
      Settings s = fx.settingsWith(providers);
      System.out.println("== every target black-holed (6 providers, default budget 10 s)");
      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        Report r = Doctor.builder(s).environment(fx.env()).options(fx.options().latencySamples(5).build())
            .machineChecks(false).build().diagnose(DiagnosisListener.NONE);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "run %d: verdict after %d ms (report elapsed %d ms): %s%n", run, ms,
            r.elapsedMs(), r.findings().stream().map(f -> f.codeAndCause() + " " + f.targets()).toList());
      }
    } finally {
      holes.forEach(FaultPorts.Blackhole::close);
    }
  }

  /**
   * Six healthy targets (3 https and 3 http, or all http when {@code plain}; answer delays 20–120 ms) together vs
   * each alone.
   */
  static void healthy(boolean plain) throws Exception {
    TestPki pki = TestPki.create();
    List<AutoCloseable> servers = new ArrayList<>();
    try {
      healthyRounds(healthyTargets(pki, servers, plain), pki,
          plain ? "all http, servers in this JVM" : "3 https, 3 http, servers in this JVM");
    } finally {
      for (AutoCloseable c : servers) c.close();
    }
  }

  /**
   * The same six targets (3 https, 3 http, answer delays 20–120 ms) served by {@code bench/healthy-targets.py}, a
   * process of its own with OpenSSL's TLS, as a provider's servers are not in the prober's JVM: the servers' TLS
   * work no longer runs in the JVM being measured (it still shares the machine's cores).
   */
  static void healthyExternal(Path script) throws Exception {
    TestPki pki = TestPki.create();
    Path dir = Files.createTempDirectory("netdoctor-bench-pki");
    javax.net.ssl.X509KeyManager keys = pki.serverCertificates(TlsFault.NONE).keyManager();
    String alias = keys.chooseServerAlias("EC", null, null);
    StringBuilder chain = new StringBuilder();
    for (java.security.cert.X509Certificate c : keys.getCertificateChain(alias)) chain.append(pem("CERTIFICATE", c.getEncoded()));
    Path cert = Files.writeString(dir.resolve("chain.pem"), chain);
    Path key = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", keys.getPrivateKey(alias).getEncoded()));
    Process servers = new ProcessBuilder("python3", script.toString(), "--cert", cert.toString(), "--key",
        key.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(servers.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      if (line == null || !line.startsWith("PORTS ")) throw new IllegalStateException("servers did not start: " + line);
      String[] ports = line.substring(6).trim().split(" ");
      Map<String, String[]> all = new LinkedHashMap<>();
      for (int i = 0; i < ports.length; i++) {
        all.put("P" + i, new String[] {(i % 2 == 0 ? "https" : "http") + "://localhost:" + ports[i] + "/v1"});
      }
      healthyRounds(all, pki, "3 https, 3 http, servers in another process");
    } finally {
      servers.getOutputStream().close();
      servers.destroy();
      servers.waitFor(5, TimeUnit.SECONDS);
      Files.delete(cert);
      Files.delete(key);
      Files.delete(dir);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** 21 rounds (-Drounds) after 5 warm-ups: the six together, then each alone; prints medians and every round. */
  static void healthyRounds(Map<String, String[]> all, TestPki pki, String label) {
    ProbeFixture fx = new ProbeFixture();
    ProbeOptions options = ProbeOptions.builder().trust(pki.clientTrust().trustManager()).path(false).build();
    Settings everything = fx.settingsWith(all);
    for (int warm = 0; warm < 5; warm++) run(fx, everything, options);
    int rounds = Integer.getInteger("rounds", 21);
    List<Long> together = new ArrayList<>();
    List<Long> slowestAlone = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    Map<String, Integer> slowestNames = new java.util.TreeMap<>();
    List<Long> cpuTogether = new ArrayList<>();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < rounds; round++) {
      long cpu0 = os.getProcessCpuTime();
      long t = run(fx, everything, options);
      cpuTogether.add((os.getProcessCpuTime() - cpu0) / 1_000_000);
      long slowest = 0;
      String slowestName = "";
      for (Map.Entry<String, String[]> e : all.entrySet()) {
        long one = run(fx, fx.settingsWith(Map.of(e.getKey(), e.getValue())), options);
        if (one > slowest) {
          slowest = one;
          slowestName = e.getKey();
        }
      }
      together.add(t);
      slowestAlone.add(slowest);
      ratios.add((double) t / slowest);
      slowestNames.merge(slowestName, 1, Integer::sum);
    }
    System.out.println("== healthy: 6 loopback targets (" + label + ") together vs the slowest alone, " + rounds
        + " rounds after 5 warm-ups");
    System.out.printf(Locale.ROOT, "median: 6 together %d ms | slowest alone %d ms (slowest: %s) | median ratio %.2f"
        + " | ratio of medians %.2f%n", median(together), median(slowestAlone), slowestNames,
        medianD(ratios), (double) median(together) / median(slowestAlone));
    System.out.println("every round, together/slowest ms: " + java.util.stream.IntStream.range(0, rounds)
        .mapToObj(i -> together.get(i) + "/" + slowestAlone.get(i)).toList());
    System.out.println("every round, ratio: " + ratios.stream()
        .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
    System.out.println("CPU of this process during each run of the six together (ms, 2 cores = 2 ms per ms): median "
        + median(cpuTogether) + ", every round " + cpuTogether);
  }

  /** Six loopback servers answering 200 after 20, 40 ... 120 ms: 3 https and 3 http, or all http when {@code plain}. */
  static Map<String, String[]> healthyTargets(TestPki pki, List<AutoCloseable> servers, boolean plain)
      throws java.io.IOException {
    Map<String, String[]> all = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      long delay = 20 + 20L * i;
      Dispatcher d = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(200).body("{}").headersDelay(delay, TimeUnit.MILLISECONDS).build();
        }
      };
      boolean https = i % 2 == 0 && !plain;
      MockWebServer m = noDelayServer(https ? pki : null, d);
      servers.add(m);
      String url = (https ? "https" : "http") + "://localhost:" + m.getPort() + "/v1";
      all.put("P" + i, new String[] {url});
    }
    return all;
  }

  /** One healthy run of the six targets after warm-ups, each check's finish time from the run's start. */
  static void trace() throws Exception {
    TestPki pki = TestPki.create();
    List<AutoCloseable> servers = new ArrayList<>();
    ProbeFixture fx = new ProbeFixture();
    Map<String, String[]> all = healthyTargets(pki, servers, false);
    try {
      ProbeOptions options = ProbeOptions.builder().trust(pki.clientTrust().trustManager()).path(false).build();
      Settings everything = fx.settingsWith(all);
      for (int warm = 0; warm < 10; warm++) run(fx, everything, options);
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>();
        Doctor.builder(everything).environment(fx.env()).options(options).machineChecks(false).build()
            .diagnose(r -> lines.add(String.format(Locale.ROOT, "%6.1f ms  %-4s %-10s took %d ms",
                (System.nanoTime() - start) / 1e6, r.target(), r.check(), r.elapsedMs())));
        System.out.println("== trace, round " + round);
        lines.forEach(System.out::println);
      }
    } finally {
      for (AutoCloseable c : servers) c.close();
    }
  }

  private static long run(ProbeFixture fx, Settings s, ProbeOptions o) {
    long start = System.nanoTime();
    Report r = Doctor.builder(s).environment(fx.env()).options(o).machineChecks(false).build()
        .diagnose(DiagnosisListener.NONE);
    if (!r.findings().isEmpty()) throw new IllegalStateException("not healthy: " + r.findings());
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Phase timings of the http check against curl -w on the same loopback https target. */
  static void curl(String givenUrl, Path givenCa) throws Exception {
    TestPki pki = TestPki.create();
    Path ca = givenCa != null ? givenCa : Files.createTempFile("netdoctor-bench-ca", ".pem");
    if (givenCa == null) Files.writeString(ca, okhttp3.tls.Certificates.certificatePem(pki.root()));
    try (MockWebServer t = noDelayHttps(pki)) {
      String url = givenUrl != null ? givenUrl : "https://localhost:" + t.getPort() + "/v1/models";
      ProbeEnvironment env = ProbeEnvironment.system();
      javax.net.ssl.X509TrustManager trust = givenCa != null ? trustOf(givenCa) : pki.clientTrust().trustManager();
      ProbeOptions options = ProbeOptions.builder().trust(trust).path(false)
          .only(Set.of("http")).build();
      Doctor doctor = Doctor.builder(Settings.defaults()).environment(env).options(options).build();
      for (int i = 0; i < 200; i++) doctor.probe(java.net.URI.create(url), DiagnosisListener.NONE);
      String[] keys = {"dnsMs", "connectMs", "tlsMs", "firstByteMs", "totalMs"};
      Map<String, List<Double>> ours = new LinkedHashMap<>();
      Map<String, List<Double>> theirs = new LinkedHashMap<>();
      for (String k : keys) {
        ours.put(k, new ArrayList<>());
        theirs.put(k, new ArrayList<>());
      }
      int n = 30;
      for (int i = 0; i < n; i++) {
        Report r = doctor.probe(java.net.URI.create(url), DiagnosisListener.NONE);
        CheckResult http = Doctor.results(r, "http").get(0);
        Map<?, ?> timings = (Map<?, ?>) http.facts().get("timings");
        for (String k : keys) {
          Object v = timings.get(k);
          ours.get(k).add(v == null ? 0.0 : ((Number) v).doubleValue());
        }
        Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "--cacert", ca.toString(), "-w",
            "%{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total}", url)
            .redirectErrorStream(true).start();
        String[] w = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        p.waitFor();
        for (int k = 0; k < keys.length; k++) theirs.get(keys[k]).add(Double.parseDouble(w[k]) * 1000);
      }
      System.out.println("== phase timings, cumulative from start, median of " + n + " (" + url
          + ", same server for both), after 200 warm-up probes");
      System.out.println("phase        netdoctor   curl -w    difference");
      for (String k : keys) {
        double a = medianD(ours.get(k));
        double b = medianD(theirs.get(k));
        System.out.printf(Locale.ROOT, "%-12s %7.3f ms %7.3f ms %+8.3f ms%n", k.replace("Ms", ""), a, b, a - b);
      }
    } finally {
      if (givenCa == null) Files.deleteIfExists(ca);
    }
  }

  /**
   * A loopback https server with Nagle's algorithm off on its connections, as production servers (nginx, for one)
   * set it: with it on, the server's later handshake messages, or a body written after the headers, wait for the
   * client's delayed acknowledgement (about 40 ms), which any client would measure as the server's time.
   */
  static MockWebServer noDelayHttps(TestPki pki) throws java.io.IOException {
    return noDelayServer(pki, new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).body("ok").build();
      }
    });
  }

  /** A loopback server (https with {@code pki}'s good certificate, or plain http when null) with Nagle off. */
  static MockWebServer noDelayServer(TestPki pki, Dispatcher dispatcher) throws java.io.IOException {
    MockWebServer m = new MockWebServer();
    if (pki != null) m.useHttps(pki.serverCertificates(TlsFault.NONE).sslSocketFactory());
    m.setServerSocketFactory(new javax.net.ServerSocketFactory() {
      @Override
      public java.net.ServerSocket createServerSocket() throws java.io.IOException {
        return new java.net.ServerSocket() {
          @Override
          public java.net.Socket accept() throws java.io.IOException {
            java.net.Socket s = super.accept();
            s.setTcpNoDelay(true);
            return s;
          }
        };
      }

      @Override
      public java.net.ServerSocket createServerSocket(int port) throws java.io.IOException {
        return createServerSocket(port, 50, null);
      }

      @Override
      public java.net.ServerSocket createServerSocket(int port, int backlog) throws java.io.IOException {
        return createServerSocket(port, backlog, null);
      }

      @Override
      public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress ifAddress)
          throws java.io.IOException {
        java.net.ServerSocket s = createServerSocket();
        s.bind(new java.net.InetSocketAddress(ifAddress, port), backlog);
        return s;
      }
    });
    m.setDispatcher(dispatcher);
    m.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    return m;
  }

  /** A trust manager for the certificates of a PEM file (the CA of a server given on the command line). */
  static javax.net.ssl.X509TrustManager trustOf(Path pem) throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    ks.load(null, null);
    try (var in = Files.newInputStream(pem)) {
      int i = 0;
      for (var c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
    }
    var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0];
  }

  /**
   * {@code netdoctor probe --format json URL} as a user runs it (a fresh JVM each time: the CLI jar with the JVM's
   * default flags, or the launcher script with its own) against
   * {@code curl -w}, alternating, {@code runs} times each; the http check's timings against curl's.
   */
  static void cli(Path jar, int runs, String givenUrl, Path givenCa) throws Exception {
    TestPki pki = TestPki.create();
    Path ca = givenCa != null ? givenCa : Files.createTempFile("netdoctor-bench-ca", ".pem");
    if (givenCa == null) Files.writeString(ca, okhttp3.tls.Certificates.certificatePem(pki.root()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (MockWebServer t = noDelayHttps(pki)) {
      String url = givenUrl != null ? givenUrl : "https://localhost:" + t.getPort() + "/v1/models";
      String[] keys = {"dnsMs", "connectMs", "tlsMs", "firstByteMs", "totalMs"};
      Map<String, List<Double>> ours = new LinkedHashMap<>();
      Map<String, List<Double>> theirs = new LinkedHashMap<>();
      List<Double> handshake = new ArrayList<>();
      List<Double> handshakeCpu = new ArrayList<>();
      java.util.Set<String> engines = new java.util.TreeSet<>();
      for (String k : keys) {
        ours.put(k, new ArrayList<>());
        theirs.put(k, new ArrayList<>());
      }
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      for (int i = 0; i < runs; i++) {
        // A jar runs with the JVM's default flags; anything else is a launcher (./netdoctor) run as a user runs it.
        List<String> command = jar.toString().endsWith(".jar") ? new ArrayList<>(List.of(java, "-jar", jar.toString()))
            : new ArrayList<>(List.of(jar.toString()));
        command.addAll(List.of("probe", "--format", "json", "--cacert", ca.toString(), url));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var report = json.readTree(p.getInputStream());
        p.waitFor();
        for (var check : report.get("checks")) {
          if (check.get("check").asText().equals("http")) {
            var timings = check.get("facts").get("timings");
            engines.add(check.get("facts").path("tlsEngine").asText("none"));
            for (String k : keys) ours.get(k).add(timings.has(k) ? timings.get(k).asDouble() : 0.0);
          }
          if (check.get("check").asText().equals("tls")) {
            handshake.add(check.get("facts").get("handshakeMs").asDouble());
            handshakeCpu.add(check.get("facts").path("handshakeCpuMs").asDouble(Double.NaN));
          }
        }
        Process c = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "--cacert", ca.toString(), "-w",
            "%{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total}", url)
            .redirectErrorStream(true).start();
        String[] w = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        c.waitFor();
        for (int k = 0; k < keys.length; k++) theirs.get(keys[k]).add(Double.parseDouble(w[k]) * 1000);
      }
      System.out.println("== netdoctor probe (a fresh JVM per run) vs curl -w, median of " + runs + " each, " + url);
      System.out.println("phase        netdoctor   curl -w    difference");
      for (String k : keys) {
        double a = medianD(ours.get(k));
        double b = medianD(theirs.get(k));
        System.out.printf(Locale.ROOT, "%-12s %7.3f ms %7.3f ms %+8.3f ms%n", k.replace("Ms", ""), a, b, a - b);
      }
      System.out.println("http check's TLS engine: " + engines);
      System.out.println("http tls phase (tls - connect), every run: " + phases(ours));
      System.out.println("curl tls phase (appconnect - connect), every run: " + phases(theirs));
      System.out.println("tls check handshakeMs, every run: " + handshake);
      System.out.println("tls check handshakeCpuMs (this process computing), every run: " + handshakeCpu);
      List<Double> waiting = new ArrayList<>();
      for (int i = 0; i < handshake.size(); i++) waiting.add(handshake.get(i) - handshakeCpu.get(i));
      System.out.printf(Locale.ROOT, "tls check handshake minus its own CPU, median %.3f ms; curl's tls phase median"
          + " %.3f ms%n", medianD(waiting), medianD(theirs.get("tlsMs")) - medianD(theirs.get("connectMs")));
    } finally {
      if (givenCa == null) Files.deleteIfExists(ca);
    }
  }

  private static List<String> phases(Map<String, List<Double>> m) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.get("tlsMs").size(); i++) {
      out.add(String.format(Locale.ROOT, "%.1f", m.get("tlsMs").get(i) - m.get("connectMs").get(i)));
    }
    return out;
  }

  private static long median(List<Long> v) {
    List<Long> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static double medianD(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

}
