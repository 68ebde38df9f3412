package dev.netdoctor.probe;

import dev.netdoctor.core.report.Finding;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.core.report.Severity;
import dev.netdoctor.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A quick "can I reach this provider now?" for applications (seed 001): before starting a long generation job,
 * ask {@link #check(String)}; it answers within a short budget (default 3 s) and remembers the answer briefly
 * (default 30 s), so calling it before every job costs nothing.
 *
 * <p>Thread-safe. Concurrent calls for the same provider may both run the checks; the later answer is kept.
 */
public final class Preflight {
  /**
   * The answer.
   *
   * @param provider the provider's name
   * @param ok whether calls can be expected to work (no error-level finding)
   * @param problem the most severe finding, when not ok
   * @param checkedAt when the checks ran (an answer from the cache keeps its original time)
   * @param took how long the checks took
   */
  public record Result(String provider, boolean ok, Optional<Finding> problem, Instant checkedAt, Duration took) {}

  private final Settings settings;
  private final ProbeEnvironment env;
  private final Duration budget;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Result> cache = new ConcurrentHashMap<>();

  public Preflight(Settings settings, ProbeEnvironment env, Duration budget, Duration ttl) {
    this.settings = settings;
    this.env = env;
    this.budget = budget;
    this.ttl = ttl;
    this.clock = env.clock();
  }

  /** Over this machine, with a 3 s budget and a 30 s cache. */
  public static Preflight system(Settings settings) {
    return new Preflight(settings, ProbeEnvironment.system(), Duration.ofSeconds(3), Duration.ofSeconds(30));
  }

  /**
   * Whether {@code provider} (a name from the settings, ignoring case) can be reached and its key works.
   *
   * @throws IllegalArgumentException when the settings have no such provider
   */
  public Result check(String provider) {
    settings.providers().require(provider);
    String key = provider.toLowerCase(Locale.ROOT);
    Result cached = cache.get(key);
    if (cached != null && cached.checkedAt().plus(ttl).isAfter(clock.instant())) return cached;
    Instant start = clock.instant();
    ProbeOptions options = ProbeOptions.builder().budget(budget).latencySamples(0).path(false)
        .dnsTimeout(budget.dividedBy(3)).connectTimeout(budget.dividedBy(2)).build();
    Report report = Doctor.builder(settings).environment(env).options(options).providers(Set.of(provider))
        .machineChecks(false).build().diagnose(DiagnosisListener.NONE);
    List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    Result result = new Result(settings.providers().require(provider).name(), errors.isEmpty(),
        errors.stream().findFirst(), start, Duration.ofMillis(report.elapsedMs()));
    cache.put(key, result);
    return result;
  }
}
