package dev.netdoctor.server.internal;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.probe.DnsProbe;
import dev.netdoctor.probe.HttpProbe;
import dev.netdoctor.probe.TlsProbe;
import dev.netdoctor.server.ProbeModule;
import dev.netdoctor.server.ServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /probe?target=&module=}: blackbox_exporter's probe endpoint over netdoctor's checks. Metric names and
 * meanings follow blackbox_exporter, so existing scrape configurations and dashboards keep working; on top,
 * {@code netdoctor_failure_info{check,code,cause}} names why a failed probe failed.
 */
public final class BlackboxProbe {
  /** blackbox_exporter's default when Prometheus sends no scrape timeout. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** Kept back from Prometheus' scrape timeout so the answer arrives in time (blackbox_exporter's offset). */
  static final Duration TIMEOUT_OFFSET = Duration.ofMillis(500);

  /** An answer: HTTP status, content type, body. */
  public record Answer(int status, String contentType, String body) {}

  private final ProbeChain chain;
  private final TargetPolicy policy;

  public BlackboxProbe(ServerConfig config, TargetPolicy policy) {
    this.chain = new ProbeChain(config);
    this.policy = policy;
  }

  /**
   * @param target the {@code target} parameter (may be null)
   * @param module the {@code module} parameter (may be null; blackbox_exporter's default is {@code http_2xx})
   * @param scrapeTimeout the {@code X-Prometheus-Scrape-Timeout-Seconds} header (may be null)
   */
  public Answer handle(String target, String module, String scrapeTimeout) {
    if (target == null || target.isBlank()) return text(400, "Target parameter is missing");
    String label = module == null || module.isBlank() ? ProbeModule.HTTP_2XX.label() : module;
    Optional<ProbeModule> m = ProbeModule.find(label);
    if (m.isEmpty()) {
      return text(400, "Unknown module \"" + Exposition.escape(label) + "\"; modules: " + ProbeModule.labels());
    }
    URI url;
    try {
      url = m.get().url(target);
    } catch (IllegalArgumentException e) {
      return text(400, e.getMessage());
    }
    boolean allowed = m.get() == ProbeModule.DNS ? policy.allowsHost(url.getHost()) : policy.allows(url);
    if (!allowed) {
      return text(403, "target " + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
          + " is not a configured provider, the backend or a --probe-target; start with --allow-any-target to"
          + " probe any host");
    }
    ProbeChain.Run run = chain.run(url, m.get().checks(url), timeout(scrapeTimeout));
    return new Answer(200, Exposition.CONTENT_TYPE, render(m.get(), url, run));
  }

  /** The probe's budget from Prometheus' {@code X-Prometheus-Scrape-Timeout-Seconds} (may be null). */
  public static Duration timeout(String header) {
    if (header == null) return DEFAULT_TIMEOUT;
    try {
      double seconds = Double.parseDouble(header.trim());
      Duration d = Duration.ofMillis((long) (seconds * 1000)).minus(TIMEOUT_OFFSET);
      if (d.toMillis() < 100) return Duration.ofMillis(100);
      return d.compareTo(DEFAULT_TIMEOUT) > 0 ? DEFAULT_TIMEOUT : d;
    } catch (NumberFormatException e) {
      return DEFAULT_TIMEOUT;
    }
  }

  static String render(ProbeModule module, URI url, ProbeChain.Run run) {
    List<CheckResult> report = run.checks();
    Exposition out = new Exposition();
    Optional<CheckResult> dns = result(report, DnsProbe.NAME);
    dns.filter(d -> d.status() != CheckStatus.SKIPPED).ifPresent(d -> out.gauge("probe_dns_lookup_time_seconds",
        "Returns the time taken for probe dns lookup in seconds", seconds(d)));
    out.gauge("probe_duration_seconds", "Returns how long the probe took to complete in seconds",
        run.elapsedMs() / 1000.0);
    Optional<CheckResult> http = result(report, HttpProbe.NAME);
    if (module == ProbeModule.HTTP_2XX) {
      Map<String, Double> phases = http.map(Phases::of).orElse(Map.of());
      out.gauge("probe_http_duration_seconds", "Duration of http request by phase, summed over all redirects");
      for (String phase : Phases.NAMES) out.sample(phases.getOrDefault(phase, 0.0), "phase", phase);
      out.gauge("probe_http_redirects", "The number of redirects", 0);
      out.gauge("probe_http_ssl", "Indicates if SSL was used for the final redirect",
          "https".equalsIgnoreCase(url.getScheme()) && http.map(h -> h.fact("status") != null).orElse(false) ? 1 : 0);
      int status = http.map(h -> h.facts().get("status") instanceof Number n ? n.intValue() : 0).orElse(0);
      out.gauge("probe_http_status_code", "Response HTTP status code", status);
      String protocol = http.map(h -> h.fact("protocol")).orElse(null);
      out.gauge("probe_http_version", "Returns the version of HTTP of the probe response", httpVersion(protocol));
    }
    Optional<CheckResult> tls = result(report, TlsProbe.NAME).filter(t -> t.status() != CheckStatus.SKIPPED);
    OptionalLong expiry = tls.map(CertExpiry::earliest).orElse(OptionalLong.empty());
    if (expiry.isPresent()) {
      out.gauge("probe_ssl_earliest_cert_expiry", "Returns last SSL chain expiry in unixtime", expiry.getAsLong());
    }
    String version = tls.map(t -> t.fact("tlsVersion"))
        .or(() -> http.map(h -> h.fact("tlsVersion"))).orElse(null);
    if (version != null) {
      out.gauge("probe_tls_version_info", "Returns the TLS version used or NaN when unknown")
          .sample(1, "version", Phases.tlsLabel(version));
    }
    boolean success = module.succeeded(report);
    out.gauge("probe_success", "Displays whether or not the probe was a success", success ? 1 : 0);
    if (!success) {
      failure(report).ifPresent(f -> out.gauge("netdoctor_failure_info",
          "Why the probe failed: the netdoctor code and cause (see netdoctor explain CODE)")
          .sample(1, "check", f.check(), "code", f.code(), "cause", f.cause() == null ? "" : f.cause()));
    }
    return out.toString();
  }

  /**
   * Why the probe failed: the first failed check's own code and cause, what this target did on this scrape. (A
   * full diagnosis also reasons across targets; a scrape names what it observed.)
   */
  static Optional<CheckResult> failure(List<CheckResult> report) {
    return report.stream().filter(r -> r.failed() && r.code() != null && !r.control()).findFirst();
  }

  private static double seconds(CheckResult r) {
    Object ms = r.facts().get("systemMs");
    return (ms instanceof Number n ? n.doubleValue() : r.elapsedMs()) / 1000.0;
  }

  private static double httpVersion(String protocol) {
    if (protocol == null) return 0;
    return switch (protocol) {
      case "http/1.0" -> 1.0;
      case "http/1.1" -> 1.1;
      case "h2", "h2_prior_knowledge" -> 2.0;
      default -> 0;
    };
  }

  private static Optional<CheckResult> result(List<CheckResult> report, String check) {
    return report.stream().filter(r -> r.check().equals(check)).findFirst();
  }

  private static Answer text(int status, String body) {
    return new Answer(status, "text/plain; charset=utf-8", body + "\n");
  }
}
