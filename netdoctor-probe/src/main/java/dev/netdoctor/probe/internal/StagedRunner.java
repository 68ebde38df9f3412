package dev.netdoctor.probe.internal;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.CheckStatus;
import dev.netdoctor.probe.Budget;
import dev.netdoctor.probe.DiagnosisListener;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs pipelines concurrently: each pipeline is a list of stages, each stage a set of probes, all against one
 * context. A probe starts as soon as the checks it depends on have finished: those its pipeline names for it
 * ({@link Pipeline#dependsOn}, by check name, among the probes of its own and earlier stages), or else the whole
 * previous stage.
 * So one slow check holds back only the checks that read its result, never a whole stage. Pipelines are
 * independent of each other. The whole run ends at the budget's deadline (plus {@link #GRACE_MS}); a check still
 * running then is reported as cut off, never waited for.
 */
public final class StagedRunner {
  /** Time after the deadline granted to checks whose own timeouts end exactly at it. */
  static final long GRACE_MS = 250;

  /**
   * One pipeline: its context, its stages, and for some checks the names of the checks they wait for, in their
   * own stage or an earlier one (a name that is not among the pipeline's probes is ignored: a check left out of
   * the run is not waited for; a check with no entry waits for the whole previous stage).
   *
   * @throws IllegalArgumentException when a check waits for one of a later stage, or the waits form a cycle (either
   *     would hold the checks back until the budget ends)
   */
  public record Pipeline(ProbeContext context, List<List<Probe>> stages, Map<String, Set<String>> dependsOn) {
    public Pipeline {
      stages = List.copyOf(stages);
      dependsOn = Map.copyOf(dependsOn);
      checkOrder(stages, dependsOn);
    }

    /** Stage after stage: every check waits for the whole previous stage. */
    public Pipeline(ProbeContext context, List<List<Probe>> stages) {
      this(context, stages, Map.of());
    }
  }

  private static void checkOrder(List<List<Probe>> stages, Map<String, Set<String>> dependsOn) {
    Map<String, Integer> stageOf = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      for (Probe probe : stages.get(i)) stageOf.put(probe.name(), i);
    }
    for (var e : dependsOn.entrySet()) {
      Integer own = stageOf.get(e.getKey());
      if (own == null) continue;
      for (String d : e.getValue()) {
        Integer theirs = stageOf.get(d);
        if (theirs != null && theirs > own) {
          throw new IllegalArgumentException(e.getKey() + " waits for " + d + ", which runs in a later stage");
        }
      }
    }
    for (String start : stageOf.keySet()) {
      List<String> path = new ArrayList<>();
      if (cycleFrom(start, start, dependsOn, stageOf, path, new java.util.HashSet<>())) {
        throw new IllegalArgumentException("the checks wait for each other: " + start + " → "
            + String.join(" → ", path));
      }
    }
  }

  /** Whether following the waits from {@code at} leads back to {@code start}; {@code path} is the way there. */
  private static boolean cycleFrom(String start, String at, Map<String, Set<String>> dependsOn,
      Map<String, Integer> stageOf, List<String> path, Set<String> seen) {
    for (String d : dependsOn.getOrDefault(at, Set.of())) {
      if (!stageOf.containsKey(d)) continue;
      path.add(d);
      if (d.equals(start)) return true;
      if (seen.add(d) && cycleFrom(start, d, dependsOn, stageOf, path, seen)) return true;
      path.remove(path.size() - 1);
    }
    return false;
  }

  /** What the run produced. */
  public record Outcome(List<CheckResult> results, boolean budgetExhausted) {}

  private StagedRunner() {}

  public static Outcome run(List<Pipeline> pipelines, Budget budget, DiagnosisListener listener) {
    int slots = pipelines.stream().mapToInt(p -> p.stages().stream().mapToInt(List::size).sum()).sum();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(64, slots)), daemon());
    List<Slot> order = new ArrayList<>();
    try {
      List<CompletableFuture<Void>> ends = new ArrayList<>();
      for (Pipeline p : pipelines) {
        // Every check's completion first, so a check can wait for one listed after it in its own stage.
        Map<String, CompletableFuture<Void>> finished = new HashMap<>();
        for (List<Probe> stage : p.stages()) {
          for (Probe probe : stage) finished.put(probe.name(), new CompletableFuture<>());
        }
        List<CompletableFuture<Void>> previousStage = List.of();
        for (List<Probe> stage : p.stages()) {
          List<CompletableFuture<Void>> thisStage = new ArrayList<>();
          for (Probe probe : stage) {
            Slot s = new Slot(probe, p.context());
            order.add(s);
            List<CompletableFuture<Void>> before = new ArrayList<>();
            Set<String> deps = p.dependsOn().get(probe.name());
            if (deps == null) {
              before.addAll(previousStage);
            } else {
              for (String d : deps) {
                if (finished.containsKey(d)) before.add(finished.get(d));
              }
            }
            CompletableFuture<Void> done = finished.get(probe.name());
            CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> s.execute(listener), pool)
                .whenComplete((v, t) -> done.complete(null));
            thisStage.add(done);
            ends.add(done);
          }
          previousStage = thisStage;
        }
      }
      try {
        CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new))
            .get(budget.remaining().toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // reported below, per unfinished slot
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        // a slot's failure is already its result
      }
      boolean exhausted = false;
      List<CheckResult> results = new ArrayList<>();
      for (Slot s : order) {
        CheckResult r = s.result;
        if (r == null) {
          exhausted = true;
          r = new CheckResult(s.probe.name(), s.context.targetName(), CheckStatus.SKIPPED,
              s.started ? "cut off: the budget of " + budget.total().toMillis() + " ms ran out"
                  : "not started: the budget ran out", budget.elapsed().toMillis(), null, null, List.of(),
              Map.of("cutOff", true), false);
        }
        results.add(r);
      }
      return new Outcome(results, exhausted);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory daemon() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "netdoctor-check-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static final class Slot {
    final Probe probe;
    final ProbeContext context;
    volatile CheckResult result;
    volatile boolean started;

    Slot(Probe probe, ProbeContext context) {
      this.probe = probe;
      this.context = context;
    }

    void execute(DiagnosisListener listener) {
      started = true;
      CheckResult r;
      if (context.budget().exhausted()) {
        r = new CheckResult(probe.name(), context.targetName(), CheckStatus.SKIPPED,
            "not started: the budget ran out", 0, null, null, List.of(), Map.of("cutOff", true), false);
      } else {
        try {
          r = probe.run(context);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException | Error e) {
          r = new CheckResult(probe.name(), context.targetName(), CheckStatus.FAIL,
              "internal error in this check: " + FailureMapper.describe(e), 0, null, null, List.of(),
              Map.of("internalError", true), false);
        }
      }
      context.record(r);
      result = r;
      synchronized (listener) {
        listener.checkFinished(r);
      }
    }
  }
}
