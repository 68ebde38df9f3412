package dev.netdoctor.probe;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.internal.TlsSessions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link Probe} runs against: the target (absent for machine-wide checks such as settings or FFmpeg), the
 * settings, the shared budget, the environment, the options, the proxy decision for the target, and the results
 * of the checks it depends on.
 *
 * <p>One context per target per run; {@link #record} is called by the engine only, from the thread that ran the
 * check, before any dependent check starts, so dependants always see their prerequisites.
 */
public final class ProbeContext {
  private final Optional<Target> target;
  private final Settings settings;
  private final Budget budget;
  private final ProbeEnvironment env;
  private final ProbeOptions options;
  private final ProxyDecision proxy;
  private final Map<String, CheckResult> prior = new ConcurrentHashMap<>();
  private final TlsSessions tlsSessions;

  /** A context with TLS sessions of its own (shared by this target's checks only). */
  public ProbeContext(Optional<Target> target, Settings settings, Budget budget, ProbeEnvironment env,
      ProbeOptions options, ProxyDecision proxy) {
    this(target, settings, budget, env, options, proxy, new TlsSessions());
  }

  /** A context sharing {@code tlsSessions} with the other targets of the run. */
  public ProbeContext(Optional<Target> target, Settings settings, Budget budget, ProbeEnvironment env,
      ProbeOptions options, ProxyDecision proxy, TlsSessions tlsSessions) {
    this.tlsSessions = Objects.requireNonNull(tlsSessions, "tlsSessions");
    this.target = Objects.requireNonNull(target, "target");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.env = Objects.requireNonNull(env, "env");
    this.options = Objects.requireNonNull(options, "options");
    this.proxy = Objects.requireNonNull(proxy, "proxy");
  }

  public Optional<Target> target() {
    return target;
  }

  /** The target, for probes that only run against one. */
  public Target requireTarget() {
    return target.orElseThrow(() -> new IllegalStateException("this check needs a target"));
  }

  /** The name reports use for what this context checks. */
  public String targetName() {
    return target.map(Target::name).orElse("this machine");
  }

  public Settings settings() {
    return settings;
  }

  public Budget budget() {
    return budget;
  }

  public ProbeEnvironment env() {
    return env;
  }

  public ProbeOptions options() {
    return options;
  }

  /** Which proxy the target's requests go through, and why. */
  public ProxyDecision proxy() {
    return proxy;
  }

  /** The run's TLS client context, shared by the tls check and every HTTP exchange. Probe use. */
  public TlsSessions tlsSessions() {
    return tlsSessions;
  }

  /** The result of an earlier check of this target. */
  public Optional<CheckResult> prior(String check) {
    return Optional.ofNullable(prior.get(check));
  }

  /** Records a finished check so dependants can read it. Engine use. */
  public void record(CheckResult result) {
    prior.put(result.check(), result);
  }
}
