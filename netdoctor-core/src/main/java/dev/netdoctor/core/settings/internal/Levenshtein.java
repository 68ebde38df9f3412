package dev.netdoctor.core.settings.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Edit distance, for "did you mean" suggestions. */
final class Levenshtein {
  private Levenshtein() {}

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * The candidate nearest to {@code word} ignoring case, if it is near enough to be a plausible typo: at most a
   * third of the word's length in edits (at least 1, at most 4). Ties go to the earlier candidate.
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(4, w.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }
}
