package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;

/**
 * One check, behind one signature (blackbox_exporter's prober functions are the model).
 *
 * <p>Contract: {@link #run} returns a result for every outcome it can name, failure included, and throws only
 * for a bug. It must finish by {@code ctx.budget()}'s deadline: every socket, DNS and process timeout is derived
 * from {@link Budget#cap}. It may read the results of the checks it depends on through
 * {@link ProbeContext#prior}. It is called on an engine thread and may block; it must not start work that outlives
 * it, except a lookup the JDK cannot interrupt, which it abandons at the deadline.
 */
public interface Probe {
  /** The check's name as it appears in reports ({@code dns}, {@code tcp-ipv4}, {@code tls} ...). */
  String name();

  CheckResult run(ProbeContext ctx) throws InterruptedException;
}
