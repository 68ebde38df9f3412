package dev.netdoctor.core.classify.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How deep a position of a text lies in the failure chain it prints.
 *
 * <p>The text is cut into sections at chain markers: Java's {@code Caused by:}, Node's
 * {@code [cause]:} and {@code cause:}, .NET's {@code --->}, urllib3's inline {@code (Caused by ...}. A later
 * section is a deeper cause. Python tracebacks print the original exception first, so across their markers
 * ("The above exception was the direct cause ...", "During handling of the above exception ...") an earlier
 * section is deeper. A depth is {@code section << 24 | position}: compare {@link #section(long)} first.
 */
final class ChainDepth {
  private static final int POSITION_BITS = 24;
  private static final int POSITION_MAX = (1 << POSITION_BITS) - 1;
  private static final int MAX_MARKERS = 1024;
  private static final String[] PYTHON = {
      "During handling of the above exception, another exception occurred:",
      "The above exception was the direct cause of the following exception:"};
  private static final String[] LINE_MARKERS = {"Caused by:", "[cause]:", "cause:", "--->"};
  private static final String INLINE = "(Caused by ";

  private final int[] pythonStarts;
  private final int[] chainStarts;

  private ChainDepth(int[] pythonStarts, int[] chainStarts) {
    this.pythonStarts = pythonStarts;
    this.chainStarts = chainStarts;
  }

  static ChainDepth of(String text) {
    List<Integer> python = new ArrayList<>();
    if (text.indexOf("above exception") >= 0) {
      for (String marker : PYTHON) {
        for (int i = text.indexOf(marker); i >= 0 && python.size() < MAX_MARKERS; i = text.indexOf(marker, i + 1)) {
          python.add(i);
        }
      }
    }
    List<Integer> chain = new ArrayList<>();
    int length = Math.min(text.length(), TextScanner.TOTAL_LIMIT);
    int lineStart = 0;
    while (lineStart < length && chain.size() < MAX_MARKERS) {
      int i = lineStart;
      while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
      for (String marker : LINE_MARKERS) {
        if (text.startsWith(marker, i)) {
          chain.add(i);
          break;
        }
      }
      int next = text.indexOf('\n', i);
      if (next < 0) break;
      lineStart = next + 1;
    }
    for (int k = text.indexOf(INLINE); k >= 0 && k < length && chain.size() < MAX_MARKERS;
        k = text.indexOf(INLINE, k + 1)) {
      chain.add(k);
    }
    return new ChainDepth(python.stream().mapToInt(Integer::intValue).sorted().toArray(),
        chain.stream().mapToInt(Integer::intValue).sorted().toArray());
  }

  /** Larger is deeper. */
  long depth(int position) {
    int py = count(pythonStarts, position);
    int pythonRank = pythonStarts.length - py; // earlier Python sections are deeper
    int chainRank = count(chainStarts, position);
    long section = (long) pythonRank * (MAX_MARKERS + 1) + chainRank;
    return (section << POSITION_BITS) | Math.min(position, POSITION_MAX);
  }

  /** The section part of a depth: hits in a deeper section beat hits in a shallower one of the same layer. */
  static long section(long depth) {
    return depth >>> POSITION_BITS;
  }

  /** A depth in a section below every section of the text (used for an HTTP body under its status). */
  static long sectionBase(int sections) {
    return (long) sections << (POSITION_BITS + 22);
  }

  private static int count(int[] starts, int position) {
    int n = 0;
    while (n < starts.length && starts[n] <= position) n++;
    return n;
  }
}
