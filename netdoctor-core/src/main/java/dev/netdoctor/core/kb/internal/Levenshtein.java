package dev.netdoctor.core.kb.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Edit distance, for "did you mean" suggestions. */
public final class Levenshtein {
  private Levenshtein() {}

  /** Insertions, deletions and substitutions needed to turn {@code a} into {@code b}. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * The optimal-string-alignment distance (a swap of two neighbouring letters counts as one edit, as in Lucene's
   * fuzzy queries) if it is at most {@code max}, else {@code max + 1}. Cheap when the lengths alone rule a pair
   * out.
   */
  public static int withinEdits(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) return max + 1;
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) return max + 1;
    }
    return Math.min(d[a.length()][b.length()], max + 1);
  }

  /**
   * The candidate closest to {@code word} ignoring case, if it is close enough to be a plausible misspelling:
   * at most half of the word's letters differ.
   */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(2, Math.max(word.length(), best.length()) / 2)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }
}
