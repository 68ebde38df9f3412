package dev.netdoctor.probe;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.Os;
import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.settings.Provider;
import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.core.settings.ProxySelection;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.codes.FixText;
import dev.netdoctor.probe.internal.SettingsSummary;
import dev.netdoctor.probe.internal.StagedRunner;
import dev.netdoctor.probe.internal.StagedRunner.Pipeline;
import dev.netdoctor.probe.internal.SystemDnsConfig;
import dev.netdoctor.probe.internal.TlsSessions;
import dev.netdoctor.probe.internal.HttpsWarmup;
import dev.netdoctor.probe.internal.TrustSupport;
import dev.netdoctor.probe.rules.Analysis;
import dev.netdoctor.probe.rules.Rule;
import dev.netdoctor.probe.rules.Rules;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The diagnosis: plans the checks, runs them concurrently under one budget, reasons across the results and
 * returns the report. The whole plan is in {@link #pipelines}, {@link #TARGET_STAGES} and {@link #TARGET_DEPENDS_ON}.
 *
 * <p>Thread-safe: a {@code Doctor} holds only immutable configuration; each {@link #diagnose} or {@link #probe}
 * is an independent run.
 */
public final class Doctor {
  /** The netdoctor version written into reports. */
  public static final String VERSION = "netdoctor 0.1.0-SNAPSHOT";

  /**
   * The checks of one network target in the order of what they read: a check of a later stage may depend on the
   * results of earlier ones, never of its own stage. When each starts is {@link #TARGET_DEPENDS_ON}. TLS, latency and
   * HTTP need only a working connection, so they share a stage; when TLS fails, the HTTP failure that comes with it
   * is reported as its consequence, not a second cause.
   */
  public static final List<List<String>> TARGET_STAGES = List.of(
      List.of(DnsProbe.NAME),
      List.of(TcpProbe.nameFor(IpFamily.IPV4), TcpProbe.nameFor(IpFamily.IPV6), ProxyProbe.NAME),
      List.of(TlsProbe.NAME, LatencyProbe.NAME, HttpProbe.NAME),
      List.of(AuthProbe.NAME, ClockSkewProbe.NAME));

  /**
   * When each check of a target starts: as soon as the checks it depends on have finished (a check not planned,
   * e.g. left out by {@code --only}, is not waited for), never a whole stage. The timed HTTP exchange waits for the
   * {@code tls} check: the JVM's own handshake of that check takes tens of milliseconds of CPU in a fresh JVM and
   * must not run beside the timed one, and its verdict on the server's chain is the one the timed exchange then
   * takes ({@link dev.netdoctor.probe.internal.ChainVerdicts}), so the timed TLS phase holds the network's and the
   * server's time, not the JVM's first path validation (3–8 ms of Java elliptic-curve code in a fresh JVM, measured).
   * A failed TLS check is known first. The latency samples start when the exchange has finished and hold back
   * nothing: their connects then neither compete with the handshakes for the CPU nor are stretched by them. The key
   * and clock checks start as soon as the exchange they read has finished. One target's checks never wait for
   * another's.
   */
  public static final Map<String, Set<String>> TARGET_DEPENDS_ON = Map.of(
      DnsProbe.NAME, Set.of(),
      PathProbe.NAME, Set.of(),
      TcpProbe.nameFor(IpFamily.IPV4), Set.of(DnsProbe.NAME),
      TcpProbe.nameFor(IpFamily.IPV6), Set.of(DnsProbe.NAME),
      ProxyProbe.NAME, Set.of(DnsProbe.NAME),
      TlsProbe.NAME, Set.of(TcpProbe.nameFor(IpFamily.IPV4), TcpProbe.nameFor(IpFamily.IPV6), ProxyProbe.NAME),
      LatencyProbe.NAME, Set.of(TcpProbe.nameFor(IpFamily.IPV4), TcpProbe.nameFor(IpFamily.IPV6), HttpProbe.NAME),
      HttpProbe.NAME, Set.of(TcpProbe.nameFor(IpFamily.IPV4), TcpProbe.nameFor(IpFamily.IPV6), ProxyProbe.NAME,
          TlsProbe.NAME),
      AuthProbe.NAME, Set.of(HttpProbe.NAME),
      ClockSkewProbe.NAME, Set.of(HttpProbe.NAME));

  private final Settings settings;
  private final ProbeEnvironment env;
  private final ProbeOptions options;
  private final ProbeRegistry registry;
  private final List<Rule> rules;
  private final Set<String> providers;
  private final boolean machineChecks;

  private Doctor(Builder b) {
    settings = b.settings;
    env = b.env;
    options = b.options;
    registry = b.registry;
    rules = List.copyOf(b.rules);
    providers = Set.copyOf(b.providers);
    machineChecks = b.machineChecks;
  }

  public static Builder builder(Settings settings) {
    return new Builder(settings);
  }

  /**
   * Every check the settings call for: the settings themselves, FFmpeg, the backend and CORS, and every provider
   * (or only those named by {@link Builder#providers}).
   */
  public Report diagnose(DiagnosisListener listener) {
    List<Target> targets = new ArrayList<>();
    for (Provider p : settings.providers().entries().values()) {
      if (providers.isEmpty() || providers.stream().anyMatch(n -> n.equalsIgnoreCase(p.name()))) {
        targets.add(Target.provider(p));
      }
    }
    return run(targets, machineChecks && providers.isEmpty(), machineChecks, listener);
  }

  /** {@code netdoctor probe URL}: one target, every phase; no settings, FFmpeg or backend checks. */
  public Report probe(URI url, DiagnosisListener listener) {
    Optional<Provider> provider = settings.providers().entries().values().stream()
        .filter(p -> url.toString().startsWith(p.baseUrl().toString())).findFirst();
    // A URL under a configured provider keeps that provider's key and kind, so the key check runs too.
    return run(List.of(new Target(url.toString(), url, provider)), false, false, listener);
  }

  private Report run(List<Target> targets, boolean backend, boolean machine, DiagnosisListener listener) {
    Instant startedAt = env.clock().instant();
    // The JVM's one-time HTTP client and TLS set-up, paid while DNS and TCP are checked, not inside a timed phase.
    HttpsWarmup.start(targets.stream().anyMatch(Target::https) || backend && "https".equalsIgnoreCase(
        settings.backend().baseUrl().getScheme()));
    Budget budget = Budget.of(options.budget(), env.ticker());
    ProxySelection selection = ProxySelection.of(settings.network(), env.environment(), env.systemProperties());
    List<Pipeline> pipelines = pipelines(targets, backend, machine, budget, selection, new TlsSessions());
    StagedRunner.Outcome outcome = StagedRunner.run(pipelines, budget, listener);
    Analysis analysis = new Analysis(outcome.results(), CodeRegistry.builtIn(), Os.current(),
        fixValues(targets, selection));
    for (Rule rule : rules) rule.apply(analysis);
    return new Report(Report.SCHEMA, VERSION, startedAt, options.budget().toMillis(), budget.elapsed().toMillis(),
        outcome.budgetExhausted(), environmentFacts(), SettingsSummary.of(settings), outcome.results(),
        analysis.findings());
  }

  /** Per target name, what fills the fix steps' placeholders: the URL its HTTP check requests, its proxy. */
  private Map<String, Map<String, String>> fixValues(List<Target> targets, ProxySelection selection) {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    for (Target t : targets) {
      m.put(t.name(), FixText.values(HttpProbe.checkUrl(t), t.provider().map(Provider::name), decide(selection, t.url()).proxy()));
    }
    return m;
  }

  /** The plan. */
  private List<Pipeline> pipelines(List<Target> targets, boolean backend, boolean machine, Budget budget,
      ProxySelection selection, TlsSessions tls) {
    List<Pipeline> out = new ArrayList<>();
    if (machine) {
      // The throughput URLs are reached the way the application's requests would be: through their proxy, if any.
      ProbeContext ctx = context(Optional.empty(), budget, options.downloadUrl().or(options::uploadUrl)
          .map(u -> decide(selection, u)).orElse(direct()), tls);
      // Throughput runs even without a URL, to say that it was not measured and how to measure it.
      List<Probe> stage = new ArrayList<>(probes(SettingsProbe.NAME, ToolsProbe.NAME, ThroughputProbe.NAME));
      out.add(new Pipeline(ctx, List.of(stage)));
    }
    if (backend) {
      URI url = settings.backend().baseUrl();
      ProbeContext ctx = context(Optional.empty(), budget, decide(selection, url), tls);
      List<Probe> cors = new ArrayList<>();
      if (options.wants(CorsProbe.NAME)) {
        for (String origin : settings.cors().allowedOrigins()) cors.add(new CorsProbe(origin));
      }
      out.add(new Pipeline(ctx, List.of(probes(BackendProbe.NAME), cors)));
    }
    boolean first = true;
    for (Target t : targets) {
      ProbeContext ctx = context(Optional.of(t), budget, decide(selection, t.url()), tls);
      List<List<Probe>> stages = new ArrayList<>();
      for (List<String> names : TARGET_STAGES) {
        List<Probe> stage = new ArrayList<>(probes(names.toArray(new String[0])));
        if (first && names.contains(DnsProbe.NAME) && options.path()) stage.addAll(probes(PathProbe.NAME));
        stages.add(stage);
      }
      first = false;
      out.add(new Pipeline(ctx, stages, TARGET_DEPENDS_ON));
    }
    return out;
  }

  private List<Probe> probes(String... names) {
    List<Probe> out = new ArrayList<>();
    for (String n : names) {
      if (options.wants(n)) registry.find(n).ifPresent(out::add);
    }
    return out;
  }

  private ProbeContext context(Optional<Target> target, Budget budget, ProxyDecision decision, TlsSessions tls) {
    return new ProbeContext(target, settings, budget, env, options, decision, tls);
  }

  private ProxyDecision decide(ProxySelection selection, URI url) {
    if (options.proxy().isPresent()) {
      URI p = options.proxy().get();
      if (p.getScheme() != null && p.getScheme().equals("direct")) {
        return new ProxyDecision(Optional.empty(), Optional.empty(), ProxyDecision.Origin.NONE, "--proxy direct:");
      }
      Optional<dev.netdoctor.core.settings.ProxyCredentials> creds = Optional.empty();
      String info = p.getUserInfo();
      if (info != null && info.contains(":")) {
        creds = Optional.of(new dev.netdoctor.core.settings.ProxyCredentials(info.substring(0, info.indexOf(':')),
            dev.netdoctor.core.settings.Secret.of(info.substring(info.indexOf(':') + 1))));
      }
      URI bare = URI.create(p.getScheme() + "://" + p.getHost() + (p.getPort() == -1 ? "" : ":" + p.getPort()));
      return new ProxyDecision(Optional.of(bare), creds, ProxyDecision.Origin.SETTINGS, "--proxy " + bare);
    }
    return selection.select(url);
  }

  private static ProxyDecision direct() {
    return new ProxyDecision(Optional.empty(), Optional.empty(), ProxyDecision.Origin.NONE, "no target");
  }

  private Map<String, String> environmentFacts() {
    Map<String, String> m = new LinkedHashMap<>();
    Map<String, String> p = env.systemProperties();
    m.put("netdoctor", VERSION);
    m.put("os", p.getOrDefault("os.name", "?") + " " + p.getOrDefault("os.version", "") + " ("
        + p.getOrDefault("os.arch", "") + ")");
    m.put("java", p.getOrDefault("java.version", "?") + " (" + p.getOrDefault("java.vendor", "") + ")");
    try {
      m.put("trustStore", TrustSupport.resolve(settings, options, p).description());
    } catch (RuntimeException e) {
      m.put("trustStore", "unavailable: " + e.getMessage());
    }
    m.put("resolvers", SystemDnsConfig.nameservers(env.resolvConf()).stream()
        .map(a -> a.getAddress().getHostAddress()).toList().toString());
    for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy",
        "NO_PROXY", "no_proxy")) {
      String v = env.environment().get(name);
      if (v != null) m.put(name, withoutUserInfo(v));
    }
    m.put("budget", options.budget().toMillis() + " ms");
    m.put("families", options.families().stream().map(f -> f.label()).sorted().toList().toString());
    if (options.insecure()) m.put("insecure", "certificate checks off (--insecure)");
    return m;
  }

  /** {@code http://user:secret@proxy:3128} → {@code http://[redacted]@proxy:3128}. */
  static String withoutUserInfo(String value) {
    return value.replaceAll("(?i)([a-z][a-z0-9+.-]*://)[^@/\\s]+@", "$1[redacted]@");
  }

  /** Configures a {@link Doctor}. */
  public static final class Builder {
    private final Settings settings;
    private ProbeEnvironment env; // this machine's, taken only when none is given (it copies properties and env)
    private ProbeOptions options = ProbeOptions.defaults();
    private ProbeRegistry registry = ProbeRegistry.builtIn();
    private List<Rule> rules = Rules.builtIn();
    private Set<String> providers = Set.of();
    private boolean machineChecks = true;

    private Builder(Settings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Builder environment(ProbeEnvironment v) { env = Objects.requireNonNull(v); return this; }
    public Builder options(ProbeOptions v) { options = Objects.requireNonNull(v); return this; }
    public Builder registry(ProbeRegistry v) { registry = Objects.requireNonNull(v); return this; }
    public Builder rules(List<Rule> v) { rules = List.copyOf(v); return this; }
    /** Only these providers (names ignoring case); also drops the backend and CORS checks. Empty: all. */
    public Builder providers(Set<String> names) {
      providers = Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
      return this;
    }
    /** Whether to run settings, FFmpeg, backend and CORS checks (default true). */
    public Builder machineChecks(boolean v) { machineChecks = v; return this; }

    public Doctor build() {
      if (env == null) env = ProbeEnvironment.system();
      return new Doctor(this);
    }
  }

  /** Results of check {@code name} in {@code report}. */
  public static List<CheckResult> results(Report report, String name) {
    return report.checks().stream().filter(r -> r.check().equals(name)).toList();
  }
}
