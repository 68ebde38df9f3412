package dev.netdoctor.cli.internal;

import dev.netdoctor.cli.BadInputException;
import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every failure in a set of logs: split into lines (constant memory), prefilter on the raw bytes, decode
 * and classify only the candidates, then extract host and time and hand each finding to the sink and the
 * groups. Lines longer than {@link #MAX_LINE} bytes are classified on their first {@link #MAX_LINE} bytes.
 */
public final class LogScanner {
  public static final int BUFFER = 1 << 20;
  public static final int MAX_LINE = 64 * 1024;

  private final Classifier classifier;
  private final FindingSink sink;
  private final Prefilter prefilter = new Prefilter();
  private final FindingGroups groups = new FindingGroups();

  public LogScanner(Classifier classifier, FindingSink sink) {
    this.classifier = classifier;
    this.sink = sink;
  }

  /**
   * Scans the inputs in order and finishes the sink.
   *
   * @throws BadInputException when an input cannot be read, is binary, or when every input was empty
   */
  public ScanTotals scan(List<ScanInput> inputs, InputStream stdin) {
    long start = System.nanoTime();
    List<ScanTotals.InputTotals> totals = new ArrayList<>();
    LineScanner lines = new LineScanner(BUFFER, MAX_LINE);
    for (ScanInput input : inputs) {
      long[] count = new long[1];
      long bytes;
      try (InputStream in = input.open(stdin)) {
        bytes = lines.scan(in, input::checkText, (buf, off, len, lineNumber, cut) -> {
          count[0] = lineNumber;
          line(input.name(), buf, off, len, lineNumber);
        });
      } catch (IOException e) {
        throw input.failure(e);
      }
      totals.add(new ScanTotals.InputTotals(input.name(), count[0], bytes));
    }
    if (totals.stream().allMatch(t -> t.bytes() == 0)) {
      String names = String.join(", ", totals.stream().map(ScanTotals.InputTotals::name).toList());
      throw new BadInputException(names + ": empty input; nothing to scan");
    }
    ScanTotals result = new ScanTotals(totals, groups, System.nanoTime() - start);
    sink.finish(result);
    return result;
  }

  private void line(String file, byte[] buf, int off, int len, long lineNumber) {
    if (!prefilter.mayContainFailure(buf, off, len)) return;
    String text = new String(buf, off, len, StandardCharsets.UTF_8);
    Classification c = classifier.classify(text);
    if (!c.recognised()) return;
    String evidence = c.evidence().isEmpty() ? null : Redaction.redact(c.evidence().get(0).matched());
    String redacted = Redaction.redact(text);
    String shown = redacted.length() > Finding.MAX_TEXT ? redacted.substring(0, Finding.MAX_TEXT) + "…" : redacted;
    Finding f = new Finding(file, lineNumber, c.code(), c.cause(), HostExtractor.find(text).orElse(null),
        Timestamps.find(text).orElse(null), shown, evidence);
    groups.add(f);
    sink.finding(f);
  }
}
