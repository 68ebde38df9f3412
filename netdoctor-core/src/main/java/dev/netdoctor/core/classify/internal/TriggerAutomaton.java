package dev.netdoctor.core.classify.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over lower-cased literals: one pass over the text finds every occurrence of every
 * literal, so the cost of a line does not grow with the number of rules.
 *
 * <p>ASCII transitions are a dense table (a complete DFA); the few non-ASCII edges (localized messages) live in
 * a map and fall back along failure links. Matching folds case per char: ASCII {@code A-Z} and
 * {@link Character#toLowerCase(char)} for the rest, the same folding the literals got. Immutable and
 * thread-safe after construction.
 */
public final class TriggerAutomaton {
  /** Receives matches; return false to stop the scan. */
  @FunctionalInterface
  public interface MatchSink {
    boolean match(int pattern, int start, int end);
  }

  private static final int ASCII = 128;

  private final String[] patterns;
  private final int[] next; // state * ASCII + c -> state (complete for ASCII)
  private final Map<Long, Integer> wideEdges; // goto edges for non-ASCII chars only
  private final int[] fail;
  private final int[][] outputs; // patterns ending exactly here
  private final int[] outLink; // nearest state on the failure chain with outputs, -1 if none
  private final boolean[] emits; // this state or its failure chain has outputs
  // ASCII byte -> its class: bytes no literal holds (after folding A-Z) share class 0; '\n' has its own
  private final int[] byteClass = new int[ASCII];
  private final int classes;
  // state * classes + class -> next state * classes; the complement (negative) when the next state emits, and
  // for '\n' (which ends a line, see matchAscii). Far smaller than a table over all of ASCII, so it stays cached.
  private final int[] classTable;

  public TriggerAutomaton(List<String> literals) {
    this.patterns = literals.stream().map(TriggerAutomaton::fold).toArray(String[]::new);
    List<int[]> asciiGoto = new ArrayList<>();
    List<List<Integer>> outs = new ArrayList<>();
    Map<Long, Integer> wide = new HashMap<>();
    asciiGoto.add(newRow());
    outs.add(new ArrayList<>());
    for (int p = 0; p < patterns.length; p++) {
      String pattern = patterns[p];
      if (pattern.isEmpty()) throw new IllegalArgumentException("empty literal");
      int state = 0;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        int target = c < ASCII ? asciiGoto.get(state)[c] : wide.getOrDefault(key(state, c), -1);
        if (target < 0) {
          target = asciiGoto.size();
          asciiGoto.add(newRow());
          outs.add(new ArrayList<>());
          if (c < ASCII) asciiGoto.get(state)[c] = target;
          else wide.put(key(state, c), target);
        }
        state = target;
      }
      outs.get(state).add(p);
    }
    int states = asciiGoto.size();
    this.next = new int[states * ASCII];
    this.fail = new int[states];
    this.outputs = new int[states][];
    this.outLink = new int[states];
    this.emits = new boolean[states];
    for (int s = 0; s < states; s++) {
      outputs[s] = outs.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
    // Breadth-first: complete the ASCII table and compute failure links.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] root = asciiGoto.get(0);
    for (int c = 0; c < ASCII; c++) {
      int t = root[c];
      if (t < 0) {
        next[c] = 0;
      } else {
        next[c] = t;
        fail[t] = 0;
        queue.add(t);
      }
    }
    Map<Integer, List<long[]>> wideByState = new HashMap<>();
    wide.forEach((k, v) -> wideByState.computeIfAbsent((int) (k >>> 16), s -> new ArrayList<>())
        .add(new long[] {k & 0xFFFF, v}));
    for (long[] edge : wideByState.getOrDefault(0, List.of())) {
      fail[(int) edge[1]] = 0;
      queue.add((int) edge[1]);
    }
    outLink[0] = -1;
    while (!queue.isEmpty()) {
      int s = queue.poll();
      int f = fail[s];
      outLink[s] = outputs[f].length > 0 ? f : outLink[f];
      emits[s] = outputs[s].length > 0 || outLink[s] >= 0;
      int[] row = asciiGoto.get(s);
      for (int c = 0; c < ASCII; c++) {
        int t = row[c];
        if (t < 0) {
          next[s * ASCII + c] = next[f * ASCII + c];
        } else {
          next[s * ASCII + c] = t;
          fail[t] = next[f * ASCII + c];
          queue.add(t);
        }
      }
      for (long[] edge : wideByState.getOrDefault(s, List.of())) {
        int t = (int) edge[1];
        fail[t] = wideStep(wide, f, (char) edge[0]);
        queue.add(t);
      }
    }
    this.wideEdges = Map.copyOf(wide);
    int[] classOfFolded = new int[ASCII];
    int count = 1;
    for (String pattern : patterns) {
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c < ASCII && c != '\n' && classOfFolded[c] == 0) classOfFolded[c] = count++;
      }
    }
    int newline = count++;
    char[] representative = new char[count]; // a char of each class (class 0: any char no literal holds)
    for (int c = 0; c < ASCII; c++) {
      if (c == '\n') continue;
      int folded = fold((char) c);
      byteClass[c] = classOfFolded[folded];
      representative[classOfFolded[folded]] = (char) folded;
    }
    byteClass['\n'] = newline;
    representative[newline] = '\n';
    this.classes = count;
    this.classTable = new int[states * classes];
    for (int st = 0; st < states; st++) {
      for (int k = 0; k < classes; k++) {
        int t = next[st * ASCII + representative[k]];
        classTable[st * classes + k] = emits[t] || k == newline ? ~(t * classes) : t * classes;
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[ASCII];
    Arrays.fill(row, -1);
    return row;
  }

  private static long key(int state, char c) {
    return ((long) state << 16) | c;
  }

  private int wideStep(Map<Long, Integer> wide, int state, char c) {
    int s = state;
    while (true) {
      Integer t = wide.get(key(s, c));
      if (t != null) return t;
      if (s == 0) return 0;
      s = fail[s];
    }
  }

  /** Lower-cases the way the scan does. */
  public static String fold(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) out[i] = fold(s.charAt(i));
    return new String(out);
  }

  static char fold(char c) {
    if (c < ASCII) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    if (c == '\u2018' || c == '\u2019') return '\''; // typographic apostrophes (French, Firefox) match ASCII
    return Character.toLowerCase(c);
  }

  public int patternCount() {
    return patterns.length;
  }

  public String pattern(int index) {
    return patterns[index];
  }

  /** The start state; feed chars with {@link #step}. */
  public int start() {
    return 0;
  }

  /** One transition. Callers fold nothing: this method does. */
  public int step(int state, char c) {
    if (c >= ASCII) {
      char folded = fold(c);
      if (folded >= ASCII) return wideStep(wideEdges, state, folded);
      c = folded;
    } else if (c >= 'A' && c <= 'Z') {
      c += 32;
    }
    return next[state * ASCII + c];
  }

  /** {@link #matchAscii}: some pattern occurs. */
  public static final int FOUND = 1;
  /** {@link #matchAscii}: no pattern occurs. */
  public static final int NONE = 0;
  /** {@link #matchAscii}: the bytes hold a {@code \n} or a byte above 0x7F; the caller must scan chars. */
  public static final int NOT_ASCII_LINE = -1;

  /**
   * Whether some pattern occurs in one line of ASCII bytes, from the start state: the same answer as feeding
   * each byte as a char to {@link #step} and checking {@link #emits}, with one table look-up per byte (case
   * folding is in the table). Gives up with {@link #NOT_ASCII_LINE} at the first {@code \n} or non-ASCII byte,
   * whose meaning depends on the decoding and the line structure the caller knows.
   */
  public int matchAscii(byte[] buf, int from, int to) {
    int[] table = classTable;
    int[] classOf = byteClass;
    int s = 0;
    for (int i = from; i < to; i++) {
      int b = buf[i];
      if (b < 0) return NOT_ASCII_LINE;
      s = table[s + classOf[b]];
      if (s < 0) {
        if (b == '\n') return NOT_ASCII_LINE;
        return FOUND;
      }
    }
    return NONE;
  }

  /** Whether some pattern ends at this state. */
  public boolean emits(int state) {
    return emits[state];
  }

  /**
   * Reports every pattern ending at {@code state}, whose last char is at {@code end - 1}.
   *
   * @return false when the sink asked to stop
   */
  public boolean report(int state, int end, MatchSink sink) {
    for (int s = outputs[state].length > 0 ? state : outLink[state]; s >= 0; s = outLink[s]) {
      for (int p : outputs[s]) {
        if (!sink.match(p, end - patterns[p].length(), end)) return false;
      }
      if (s == 0) break;
    }
    return true;
  }
}
