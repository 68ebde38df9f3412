package dev.netdoctor.server.internal;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.report.Report;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Publishes the latest diagnosis as Micrometer gauges (names as Prometheus shows them):
 * <ul>
 *   <li>{@code netdoctor_check_success{target,check}}: 1 passed (or warned), 0 failed; skipped checks absent
 *   <li>{@code netdoctor_check_duration_seconds{target,check}}
 *   <li>{@code netdoctor_failure{target,check,code,cause}}: 1 for each failing check, with its code
 *   <li>{@code netdoctor_http_phase_duration_seconds{target,phase}}: blackbox_exporter's five HTTP phases
 *   <li>{@code netdoctor_http_status_code{target}}
 *   <li>{@code netdoctor_tls_cert_expiry_timestamp_seconds{target}}: the earliest {@code notAfter} of the chain
 *   <li>{@code netdoctor_tls_version{target,version}}: 1 for the negotiated version
 *   <li>{@code netdoctor_diagnosis_duration_seconds}, {@code netdoctor_diagnosis_healthy},
 *       {@code netdoctor_diagnosis_runs_total}
 * </ul>
 * Each publication replaces the previous rows, so a target whose failure went away loses its failure series.
 */
public final class DiagnosisMetrics {
  private final MultiGauge success;
  private final MultiGauge duration;
  private final MultiGauge failure;
  private final MultiGauge phases;
  private final MultiGauge status;
  private final MultiGauge certExpiry;
  private final MultiGauge tlsVersion;
  private final MultiGauge runDuration;
  private final MultiGauge healthy;
  private final Counter runs;

  public DiagnosisMetrics(MeterRegistry registry) {
    success = gauge(registry, "netdoctor.check.success", "Whether the check passed (1) or failed (0)", null);
    duration = gauge(registry, "netdoctor.check.duration", "How long the check ran", "seconds");
    failure = gauge(registry, "netdoctor.failure", "A failing check and its netdoctor code and cause", null);
    phases = gauge(registry, "netdoctor.http.phase.duration", "HTTP check duration by phase", "seconds");
    status = gauge(registry, "netdoctor.http.status.code", "Status of the HTTP check", null);
    certExpiry = gauge(registry, "netdoctor.tls.cert.expiry.timestamp",
        "Earliest notAfter of the certificate chain, Unix time", "seconds");
    tlsVersion = gauge(registry, "netdoctor.tls.version", "The negotiated TLS version (1)", null);
    runDuration = gauge(registry, "netdoctor.diagnosis.duration", "How long the latest diagnosis took", "seconds");
    healthy = gauge(registry, "netdoctor.diagnosis.healthy", "Whether the latest diagnosis found no problem", null);
    runs = Counter.builder("netdoctor.diagnosis.runs").description("Diagnoses run").register(registry);
  }

  private static MultiGauge gauge(MeterRegistry registry, String name, String help, String unit) {
    MultiGauge.Builder b = MultiGauge.builder(name).description(help);
    if (unit != null) b.baseUnit(unit);
    return b.register(registry);
  }

  public void publish(Report report) {
    List<MultiGauge.Row<?>> ok = new ArrayList<>();
    List<MultiGauge.Row<?>> took = new ArrayList<>();
    List<MultiGauge.Row<?>> failed = new ArrayList<>();
    List<MultiGauge.Row<?>> phase = new ArrayList<>();
    List<MultiGauge.Row<?>> codes = new ArrayList<>();
    List<MultiGauge.Row<?>> expiry = new ArrayList<>();
    List<MultiGauge.Row<?>> version = new ArrayList<>();
    for (CheckResult r : report.checks()) {
      if (r.status() == CheckStatus.SKIPPED || r.control()) continue;
      Tags tags = Tags.of("target", r.target(), "check", r.check());
      ok.add(MultiGauge.Row.of(tags, r.passed() ? 1 : 0));
      took.add(MultiGauge.Row.of(tags, r.elapsedMs() / 1000.0));
      if (r.failed() && r.code() != null) {
        failed.add(MultiGauge.Row.of(tags.and("code", r.code(), "cause", r.cause() == null ? "" : r.cause()), 1));
      }
      if (r.check().equals("http")) {
        for (Map.Entry<String, Double> p : Phases.of(r).entrySet()) {
          phase.add(MultiGauge.Row.of(Tags.of("target", r.target(), "phase", p.getKey()), p.getValue()));
        }
        if (r.facts().get("status") instanceof Number n) {
          codes.add(MultiGauge.Row.of(Tags.of("target", r.target()), n));
        }
      }
      if (r.check().equals("tls")) {
        OptionalLong notAfter = CertExpiry.earliest(r);
        if (notAfter.isPresent()) expiry.add(MultiGauge.Row.of(Tags.of("target", r.target()), notAfter.getAsLong()));
        String v = r.fact("tlsVersion");
        if (v != null) version.add(MultiGauge.Row.of(Tags.of("target", r.target(), "version", Phases.tlsLabel(v)), 1));
      }
    }
    success.register(ok, true);
    duration.register(took, true);
    failure.register(failed, true);
    phases.register(phase, true);
    status.register(codes, true);
    certExpiry.register(expiry, true);
    tlsVersion.register(version, true);
    runDuration.register(List.of(MultiGauge.Row.of(Tags.empty(), report.elapsedMs() / 1000.0)), true);
    healthy.register(List.of(MultiGauge.Row.of(Tags.empty(), report.healthy() ? 1 : 0)), true);
    runs.increment();
  }
}
