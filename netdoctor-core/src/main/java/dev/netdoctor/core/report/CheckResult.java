package dev.netdoctor.core.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one check found about one target.
 *
 * @param check the check's name ({@code dns}, {@code tcp-ipv4}, {@code tls}, {@code http}, {@code auth}, ...)
 * @param target what was checked: a provider name, {@code backend}, {@code settings}, a URL
 * @param status the outcome
 * @param summary one line for a person
 * @param elapsedMs how long the check ran, in milliseconds
 * @param code the error code when it failed or warned ({@code NET002}), else {@code null}
 * @param cause the cause id within {@code code} ({@code nxdomain}), else {@code null}
 * @param evidence what was observed, one fact per line, never a secret
 * @param facts machine-readable observations with documented keys (see the probe that writes them); values are
 *     strings, numbers, booleans, lists or maps of those
 * @param control whether this check only serves as a comparison for another (a direct connect beside a proxied
 *     one); a failed control is not by itself a problem
 */
public record CheckResult(
    String check,
    String target,
    CheckStatus status,
    String summary,
    long elapsedMs,
    String code,
    String cause,
    List<String> evidence,
    Map<String, Object> facts,
    boolean control) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  public boolean failed() {
    return status == CheckStatus.FAIL;
  }

  public boolean passed() {
    return status == CheckStatus.PASS || status == CheckStatus.WARN;
  }

  /** A fact as a string, or {@code null}. */
  public String fact(String key) {
    Object v = facts.get(key);
    return v == null ? null : String.valueOf(v);
  }

  /** A numeric fact, or {@code fallback}. */
  public long longFact(String key, long fallback) {
    Object v = facts.get(key);
    return v instanceof Number n ? n.longValue() : fallback;
  }

  /** Whether this is the failure {@code code}/{@code cause} ({@code cause} null matches any cause). */
  public boolean is(String code, String cause) {
    return code.equals(this.code) && (cause == null || cause.equals(this.cause));
  }
}
