package dev.netdoctor.server.internal;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.settings.ProxySelection;
import dev.netdoctor.probe.Budget;
import dev.netdoctor.probe.Doctor;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import dev.netdoctor.probe.ProbeRegistry;
import dev.netdoctor.probe.Target;
import dev.netdoctor.server.ServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One target's checks for {@code /probe}, run one after the other on the request's thread, in
 * {@link Doctor#TARGET_STAGES} order, under one budget: blackbox_exporter's model of one prober per request.
 *
 * <p>A full diagnosis ({@link Doctor}) runs many targets side by side on a pool of its own and then reasons across
 * them; a scrape asks about one target, where the checks depend on each other anyway, so a pool per request would
 * only add thread start-up to every scrape. Each probe bounds its own waits by the budget (the {@link Probe}
 * contract); a probe that still finds the budget spent is recorded as skipped.
 */
public final class ProbeChain {
  /** What ran: every planned check in order, and the elapsed time in milliseconds. */
  public record Run(List<CheckResult> checks, long elapsedMs) {}

  private final ServerConfig config;
  private final ProbeRegistry registry = ProbeRegistry.builtIn();
  private final ProxySelection proxies;

  public ProbeChain(ServerConfig config) {
    this.config = config;
    this.proxies = ProxySelection.of(config.settings().network(), config.environment().environment(),
        config.environment().systemProperties());
  }

  public Run run(URI url, List<String> checks, Duration budget) {
    Budget b = Budget.of(budget, config.environment().ticker());
    Target target = new Target(url.toString(), url, config.settings().providers().entries().values().stream()
        .filter(p -> url.toString().startsWith(p.baseUrl().toString())).findFirst());
    var options = config.options().toBuilder().only(java.util.Set.copyOf(checks)).budget(budget).latencySamples(0)
        .path(false).build();
    ProbeContext ctx = new ProbeContext(Optional.of(target), config.settings(), b, config.environment(), options,
        proxies.select(url));
    List<CheckResult> out = new ArrayList<>();
    for (List<String> stage : Doctor.TARGET_STAGES) {
      for (String name : stage) {
        if (!checks.contains(name)) continue;
        CheckResult r = runOne(registry.require(name), ctx, b);
        ctx.record(r);
        out.add(r);
      }
    }
    return new Run(out, b.elapsed().toMillis());
  }

  private static CheckResult runOne(Probe probe, ProbeContext ctx, Budget budget) {
    if (budget.exhausted()) {
      return new CheckResult(probe.name(), ctx.targetName(), CheckStatus.SKIPPED, "not started: the budget ran out",
          0, null, null, List.of(), Map.of("cutOff", true), false);
    }
    try {
      return probe.run(ctx);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CheckResult(probe.name(), ctx.targetName(), CheckStatus.SKIPPED, "interrupted", 0, null, null,
          List.of(), Map.of("cutOff", true), false);
    }
  }
}
