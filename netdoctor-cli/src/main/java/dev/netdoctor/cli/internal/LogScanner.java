package dev.netdoctor.cli.internal;

import dev.netdoctor.cli.BadInputException;
import dev.netdoctor.core.classify.Classifier;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds every failure in a set of logs. The calling thread reads and splits lines (constant memory, see
 * {@link LineScanner}) into batches of about 1 MiB; worker threads prefilter the raw bytes, decode and classify
 * only the candidates, and extract host and time; the calling thread hands the findings to the groups and the
 * sink in input order. At most two batches per worker are in flight, so memory stays bounded. Lines longer
 * than {@link #MAX_LINE} bytes are judged on their first {@link #MAX_LINE} bytes.
 */
public final class LogScanner {
  public static final int BUFFER = 1 << 20;
  public static final int MAX_LINE = 64 * 1024;

  private final Classifier classifier;
  private final FindingSink sink;
  private final int workers;
  private final FindingGroups groups = new FindingGroups();
  private final ArrayDeque<Future<List<Finding>>> inFlight = new ArrayDeque<>();
  private final ThreadLocal<ClassificationMemo> memo;
  private ExecutorService pool;

  /** @param workers threads that classify; 1 judges every batch on the calling thread */
  public LogScanner(Classifier classifier, FindingSink sink, int workers) {
    if (workers < 1) throw new IllegalArgumentException("workers " + workers);
    this.classifier = classifier;
    this.sink = sink;
    this.workers = workers;
    this.memo = ThreadLocal.withInitial(() -> new ClassificationMemo(classifier));
  }

  /** Workers for this machine: one per processor, at most 8. */
  public static int defaultWorkers() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Scans the inputs in order and finishes the sink.
   *
   * @throws BadInputException when an input cannot be read, is binary, or when every input was empty
   */
  public ScanTotals scan(List<ScanInput> inputs, InputStream stdin) {
    long start = System.nanoTime();
    if (workers > 1) {
      pool = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "netdoctor-scan");
        t.setDaemon(true);
        return t;
      });
    }
    try {
      List<ScanTotals.InputTotals> totals = new ArrayList<>();
      LineScanner lines = new LineScanner(BUFFER, MAX_LINE);
      for (ScanInput input : inputs) totals.add(scanOne(input, stdin, lines));
      while (!inFlight.isEmpty()) emit(inFlight.poll());
      if (totals.stream().allMatch(t -> t.bytes() == 0)) {
        String names = String.join(", ", totals.stream().map(ScanTotals.InputTotals::name).toList());
        throw new BadInputException(names + ": empty input; nothing to scan");
      }
      ScanTotals result = new ScanTotals(totals, groups, System.nanoTime() - start);
      sink.finish(result);
      return result;
    } finally {
      if (pool != null) pool.shutdownNow();
    }
  }

  private ScanTotals.InputTotals scanOne(ScanInput input, InputStream stdin, LineScanner lines) {
    long[] count = new long[1];
    LineBatch[] batch = {new LineBatch(input.name(), MAX_LINE)};
    long bytes;
    try (InputStream in = input.open(stdin)) {
      bytes = lines.scan(in, input::checkText, (buf, off, len, lineNumber, cut) -> {
        count[0] = lineNumber;
        if (!batch[0].add(buf, off, len, lineNumber)) {
          submit(batch[0]);
          batch[0] = new LineBatch(input.name(), MAX_LINE);
          batch[0].add(buf, off, len, lineNumber);
        }
      });
    } catch (IOException e) {
      throw input.failure(e);
    }
    if (!batch[0].isEmpty()) submit(batch[0]);
    return new ScanTotals.InputTotals(input.name(), count[0], bytes);
  }

  private void submit(LineBatch batch) {
    if (pool == null) {
      batch.judge(classifier, memo.get()).forEach(this::accept);
      return;
    }
    inFlight.add(pool.submit(() -> batch.judge(classifier, memo.get())));
    while (inFlight.size() > 2 * workers || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
      emit(inFlight.poll());
    }
  }

  private void emit(Future<List<Finding>> future) {
    List<Finding> findings;
    try {
      findings = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) throw (RuntimeException) cause;
      if (cause instanceof Error) throw (Error) cause;
      throw new IllegalStateException(cause);
    }
    findings.forEach(this::accept);
  }

  private void accept(Finding f) {
    groups.add(f);
    sink.finding(f);
  }
}
