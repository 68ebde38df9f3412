package dev.netdoctor.core.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one diagnosis: every check, the root causes found, and the context a support person needs.
 *
 * <p>The JSON form ({@link ReportJson}) is a stable contract documented in the README ("Diagnosing: doctor and
 * probe"); {@link #SCHEMA} changes when a field changes meaning or disappears, never when one is added.
 *
 * @param schema {@value #SCHEMA}
 * @param tool the netdoctor version
 * @param startedAt when the run started
 * @param budgetMs the time budget
 * @param elapsedMs how long the run took
 * @param budgetExhausted whether some checks were cut off by the budget
 * @param environment OS, Java version, trust store and similar facts about this machine
 * @param settings a summary of the settings used, every secret shown only as set/unset
 * @param checks every check, in the order they were planned
 * @param findings the root causes, most severe first
 */
public record Report(
    String schema,
    String tool,
    Instant startedAt,
    long budgetMs,
    long elapsedMs,
    boolean budgetExhausted,
    Map<String, String> environment,
    Map<String, Object> settings,
    List<CheckResult> checks,
    List<Finding> findings) {

  public static final String SCHEMA = "netdoctor.report/1";

  public Report {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(startedAt, "startedAt");
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    checks = List.copyOf(checks);
    findings = List.copyOf(findings);
  }

  /** No finding of severity ERROR or WARNING. */
  public boolean healthy() {
    return findings.stream().noneMatch(f -> f.severity() != Severity.INFO);
  }

  /** The CLI's exit code: 0 healthy, 1 problems found. */
  public int exitCode() {
    return healthy() ? 0 : 1;
  }
}
