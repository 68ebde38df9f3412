package dev.netdoctor.core.classify.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Depth of a position in a text. Everywhere the later text is the deeper cause (Java's {@code Caused by:}, Node's
 * {@code [cause]:}, .NET's {@code --->}, urllib3's {@code (Caused by ...)}), except across the chain markers of a
 * Python traceback, which prints the original exception first: there earlier sections are deeper.
 */
final class PythonChain {
  private static final PythonChain NONE = new PythonChain(new int[0]);
  private static final String[] MARKERS = {
      "During handling of the above exception, another exception occurred:",
      "The above exception was the direct cause of the following exception:"};

  private final int[] boundaries; // start offsets of sections 1..n

  private PythonChain(int[] boundaries) {
    this.boundaries = boundaries;
  }

  static PythonChain of(String text) {
    if (text.indexOf("above exception") < 0) return NONE;
    List<Integer> starts = new ArrayList<>();
    for (String marker : MARKERS) {
      for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) starts.add(i);
    }
    return new PythonChain(starts.stream().mapToInt(Integer::intValue).sorted().toArray());
  }

  /** Larger is deeper. */
  long depth(int position) {
    if (boundaries.length == 0) return position;
    int section = 0;
    while (section < boundaries.length && position >= boundaries[section]) section++;
    return ((long) (boundaries.length - section) << 32) + position;
  }
}
