package dev.netdoctor.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.core.settings.ProxyDecision;
import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.probe.Budget;
import dev.netdoctor.probe.DiagnosisListener;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import dev.netdoctor.probe.ProbeEnvironment;
import dev.netdoctor.probe.ProbeOptions;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** When each check starts: after the checks it waits for, wherever they stand in the plan. */
class StagedRunnerTest {
  private final Map<String, long[]> spans = new ConcurrentHashMap<>();

  /** A check that takes {@code millis} and records when it started and ended. */
  private Probe timed(String name, long millis) {
    return new Probe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CheckResult run(ProbeContext ctx) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(millis);
        spans.put(name, new long[] {start, System.nanoTime()});
        return new CheckResult(name, ctx.targetName(), CheckStatus.PASS, "ok", millis, null, null, List.of(),
            Map.of(), false);
      }
    };
  }

  private static ProbeContext context() throws Exception {
    return new ProbeContext(Optional.empty(), Settings.defaults(Files.createTempDirectory("runner")),
        Budget.of(Duration.ofSeconds(10)), ProbeEnvironment.system(), ProbeOptions.builder().build(),
        new ProxyDecision(Optional.empty(), Optional.empty(), ProxyDecision.Origin.NONE, "test"));
  }

  private void assertStartsAfter(String later, String earlier) {
    assertThat(spans.get(later)[0]).as(later + " starts after " + earlier + " ended")
        .isGreaterThanOrEqualTo(spans.get(earlier)[1]);
  }

  @Test
  void aCheckWaitsForChecksOfItsOwnStageWhereverTheyAreListed() throws Exception {
    // Like the target plan: in one stage, http waits for tls (listed before it), latency for http (listed after it).
    var pipeline = new StagedRunner.Pipeline(context(),
        List.of(List.of(timed("tcp", 20)), List.of(timed("tls", 80), timed("latency", 10), timed("http", 60))),
        Map.of("tls", Set.of("tcp"), "http", Set.of("tcp", "tls"), "latency", Set.of("tcp", "http")));

    var outcome = StagedRunner.run(List.of(pipeline), Budget.of(Duration.ofSeconds(10)), DiagnosisListener.NONE);

    assertThat(outcome.results()).extracting(CheckResult::check).containsExactly("tcp", "tls", "latency", "http");
    assertThat(outcome.results()).allMatch(r -> r.status() == CheckStatus.PASS);
    assertStartsAfter("tls", "tcp");
    assertStartsAfter("http", "tls");
    assertStartsAfter("latency", "http");
  }

  @Test
  void checksWithoutWaitsBetweenThemRunTogether() throws Exception {
    var pipeline = new StagedRunner.Pipeline(context(),
        List.of(List.of(timed("a", 10)), List.of(timed("b", 300), timed("c", 300))),
        Map.of("b", Set.of("a"), "c", Set.of("a")));

    StagedRunner.run(List.of(pipeline), Budget.of(Duration.ofSeconds(10)), DiagnosisListener.NONE);

    // c started before b ended: they overlapped.
    assertThat(spans.get("c")[0]).isLessThan(spans.get("b")[1]);
    assertThat(spans.get("b")[0]).isLessThan(spans.get("c")[1]);
  }

  @Test
  void aCheckLeftOutOfThePlanIsNotWaitedFor() throws Exception {
    var pipeline = new StagedRunner.Pipeline(context(), List.of(List.of(timed("a", 10)), List.of(timed("c", 10))),
        Map.of("c", Set.of("a", "not-planned")));

    var outcome = StagedRunner.run(List.of(pipeline), Budget.of(Duration.ofSeconds(5)), DiagnosisListener.NONE);

    assertThat(outcome.budgetExhausted()).isFalse();
    assertStartsAfter("c", "a");
  }

  @Test
  void waitsThatFormACycleAreRejectedWithTheCycle() {
    assertThatThrownBy(() -> new StagedRunner.Pipeline(context(),
        List.of(List.of(timed("a", 1), timed("b", 1), timed("c", 1))),
        Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wait for each other")
        .hasMessageMatching(".*(a → b → c → a|b → c → a → b|c → a → b → c).*");
  }

  @Test
  void waitingForALaterStageIsRejected() {
    assertThatThrownBy(() -> new StagedRunner.Pipeline(context(),
        List.of(List.of(timed("a", 1)), List.of(timed("b", 1))), Map.of("a", Set.of("b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a waits for b, which runs in a later stage");
  }
}
