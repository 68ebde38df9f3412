package dev.netdoctor.server.internal;

import dev.netdoctor.core.report.CheckResult;
import dev.netdoctor.core.report.Report;
import dev.netdoctor.probe.DiagnosisListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One diagnosis at a time, shared by every caller: a request that arrives while a run is in flight waits for that
 * run instead of starting another, and a finished report is handed out again until it is {@code ttl} old.
 *
 * <p>{@code fresh} skips the reuse of a finished report but still joins a run in flight (that run started no
 * earlier than the caller's previous answer). Thread-safe; the lock is held only to read or swap the state, never
 * while checks run.
 */
public final class DiagnosisCache {
  /**
   * What a caller gets.
   *
   * @param report the diagnosis
   * @param reused whether it was finished before this request arrived (served from the cache)
   * @param ageMs how old it is, from the end of its run to this answer, in milliseconds
   */
  public record Answer(Report report, boolean reused, long ageMs) {}

  /**
   * Progress of the run in flight, or of the last run when none is in flight.
   *
   * @param running whether a run is in flight
   * @param finished the checks finished so far, in completion order
   */
  public record Progress(boolean running, List<CheckResult> finished) {}

  private final Function<DiagnosisListener, Report> runner;
  private final Duration ttl;
  private final LongSupplier ticker;
  private final Executor executor;
  private final Consumer<Report> onFinished;

  private CompletableFuture<Report> inFlight; // guarded by this
  private Report last; // guarded by this
  private long lastFinishedNanos; // guarded by this
  private List<CheckResult> progress = new ArrayList<>(); // guarded by this

  /**
   * @param runner runs one diagnosis, telling the listener of each finished check
   * @param ttl how long a finished report is reused
   * @param ticker nanosecond clock
   * @param executor where runs execute
   * @param onFinished told of every finished report (metrics), on the run's thread
   */
  public DiagnosisCache(Function<DiagnosisListener, Report> runner, Duration ttl, LongSupplier ticker,
      Executor executor, Consumer<Report> onFinished) {
    this.runner = Objects.requireNonNull(runner);
    this.ttl = Objects.requireNonNull(ttl);
    this.ticker = Objects.requireNonNull(ticker);
    this.executor = Objects.requireNonNull(executor);
    this.onFinished = Objects.requireNonNull(onFinished);
  }

  /** The report: reused when younger than the time to live (unless {@code fresh}), else from a (shared) run. */
  public synchronized CompletableFuture<Answer> get(boolean fresh) {
    long now = ticker.getAsLong();
    if (!fresh && last != null && now - lastFinishedNanos < ttl.toNanos()) {
      return CompletableFuture.completedFuture(new Answer(last, true, (now - lastFinishedNanos) / 1_000_000));
    }
    return start().thenApply(r -> new Answer(r, false, 0));
  }

  /** The latest report without waiting, starting a run in the background when it is missing or expired. */
  public synchronized Report latestRefreshing() {
    if (last == null || ticker.getAsLong() - lastFinishedNanos >= ttl.toNanos()) start();
    return last;
  }

  public synchronized Progress progress() {
    return new Progress(inFlight != null, List.copyOf(progress));
  }

  private CompletableFuture<Report> start() {
    if (inFlight != null) return inFlight;
    progress = new ArrayList<>();
    CompletableFuture<Report> promise = new CompletableFuture<>();
    inFlight = promise;
    executor.execute(() -> run(promise));
    return promise;
  }

  private void run(CompletableFuture<Report> promise) {
    Report report;
    try {
      report = runner.apply(this::record);
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        inFlight = null;
      }
      promise.completeExceptionally(e);
      return;
    }
    try {
      onFinished.accept(report);
    } finally {
      synchronized (this) {
        last = report;
        lastFinishedNanos = ticker.getAsLong();
        inFlight = null;
      }
      promise.complete(report);
    }
  }

  private synchronized void record(CheckResult result) {
    progress.add(result);
  }
}
