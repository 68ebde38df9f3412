package dev.netdoctor.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One root cause named by the engine, with what shows it and what to do.
 *
 * @param code the short code ({@code NET002})
 * @param name the code's long name ({@code DnsResolutionFailed})
 * @param cause the cause id within the code, or {@code null}
 * @param severity how much it matters
 * @param confidence 0..1: how sure the rule is that this is the cause
 * @param summary one sentence for a person
 * @param evidence the observations that decided it, never a secret
 * @param targets the targets it affects (one finding for a broken resolver, however many providers it breaks)
 * @param fix the fix steps for this OS from the code registry
 * @param guide the knowledge-base guide id
 * @param rule the reasoning rule that produced it
 */
public record Finding(
    String code,
    String name,
    String cause,
    Severity severity,
    double confidence,
    String summary,
    List<String> evidence,
    List<String> targets,
    List<String> fix,
    String guide,
    String rule) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    targets = List.copyOf(targets);
    fix = List.copyOf(fix);
    if (confidence < 0 || confidence > 1) throw new IllegalArgumentException("confidence " + confidence);
  }

  /** {@code NET002/nxdomain}, or just the code when there is no cause. */
  public String codeAndCause() {
    return cause == null ? code : code + "/" + cause;
  }
}
