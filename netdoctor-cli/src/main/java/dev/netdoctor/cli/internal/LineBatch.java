package dev.netdoctor.cli.internal;

import dev.netdoctor.core.classify.Classification;
import dev.netdoctor.core.classify.Classifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive lines of one input, copied out of the reader's buffer so a worker thread can judge them
 * while the reader goes on. {@link #judge} turns the batch into its findings, in line order.
 */
final class LineBatch {
  static final int BYTES = 1 << 20;
  private static final int LINES = 16 * 1024;

  private final String file;
  private final byte[] data;
  private final int[] offsets = new int[LINES];
  private final int[] lengths = new int[LINES];
  private final long[] numbers = new long[LINES];
  private int count;
  private int used;

  /** @param maxLine the longest line {@link #add} is given; a fresh batch always takes one such line */
  LineBatch(String file, int maxLine) {
    this.file = file;
    this.data = new byte[Math.max(BYTES, maxLine)];
  }

  /** Copies a line in; false when the batch is full (the line was not added). */
  boolean add(byte[] buf, int off, int len, long lineNumber) {
    if (count == LINES || used + len > data.length) return false;
    System.arraycopy(buf, off, data, used, len);
    offsets[count] = used;
    lengths[count] = len;
    numbers[count] = lineNumber;
    used += len;
    count++;
    return true;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /**
   * Prefilters, decodes and classifies every line, and builds the findings: host, time and the redacted text.
   * Each batch is judged by one thread, with that thread's memo.
   */
  List<Finding> judge(Classifier classifier, ClassificationMemo memo) {
    Prefilter prefilter = new Prefilter(classifier);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int off = offsets[i];
      int len = lengths[i];
      if (!prefilter.mayContainFailure(data, off, len)) continue;
      String text = new String(data, off, len, StandardCharsets.UTF_8);
      ClassificationMemo.Verdict v = memo.judge(text);
      Classification c = v.classification();
      if (!c.recognised()) continue;
      String redacted = v.redacted();
      String shown = redacted.length() > Finding.MAX_TEXT ? redacted.substring(0, Finding.MAX_TEXT) + "…" : redacted;
      findings.add(new Finding(file, numbers[i], c.code(), c.cause(), v.host(), v.stamp(),
          shown, v.evidence()));
    }
    return findings;
  }
}
