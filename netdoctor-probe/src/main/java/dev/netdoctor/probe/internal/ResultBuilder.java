package dev.netdoctor.probe.internal;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.redact.Redactor;
import dev.netdoctor.probe.ProbeContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the evidence and facts of one check and builds its {@link CheckResult}. Not thread-safe. */
public final class ResultBuilder {
  private final String check;
  private final String target;
  private final ProbeContext ctx;
  private final long startNanos;
  private final List<String> evidence = new ArrayList<>();
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private boolean control;

  public ResultBuilder(String check, ProbeContext ctx) {
    this(check, ctx.targetName(), ctx);
  }

  public ResultBuilder(String check, String target, ProbeContext ctx) {
    this.check = check;
    this.target = target;
    this.ctx = ctx;
    this.startNanos = ctx.env().ticker().getAsLong();
  }

  /** Adds one observation; anything that looks like a secret is masked. */
  public ResultBuilder evidence(String line) {
    evidence.add(Redactor.redact(line));
    return this;
  }

  public ResultBuilder fact(String key, Object value) {
    if (value != null) facts.put(key, value);
    return this;
  }

  public ResultBuilder control(boolean v) {
    control = v;
    return this;
  }

  public CheckResult pass(String summary) {
    return build(CheckStatus.PASS, summary, null, null);
  }

  public CheckResult warn(String code, String cause, String summary) {
    return build(CheckStatus.WARN, summary, code, cause);
  }

  public CheckResult fail(String code, String cause, String summary) {
    return build(CheckStatus.FAIL, summary, code, cause);
  }

  public CheckResult fail(FailureMapper.Mapped mapped, String summary) {
    return build(CheckStatus.FAIL, summary, mapped.code(), mapped.cause());
  }

  public CheckResult skip(String summary) {
    return build(CheckStatus.SKIPPED, summary, null, null);
  }

  private CheckResult build(CheckStatus status, String summary, String code, String cause) {
    long elapsedMs = (ctx.env().ticker().getAsLong() - startNanos) / 1_000_000;
    return new CheckResult(check, target, status, Redactor.redact(summary), elapsedMs, code, cause, evidence, facts, control);
  }
}
