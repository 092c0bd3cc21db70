package dev.airlock.policy;

import java.util.Collection;
import java.util.Locale;

/**
 * Picks the closest allowed word for a misspelt key or value, the way a compiler suggests a name: a
 * candidate qualifies within an edit distance of 2 (insertions, deletions, substitutions and swaps
 * of neighbours, case-insensitive), and the nearest wins, ties going to the earlier candidate so
 * suggestions are stable.
 */
public final class DidYouMean {

  static final int MAX_DISTANCE = 2;

  private DidYouMean() {}

  /** {@code " (did you mean 'x'?)"}, or an empty string when nothing is close: for messages. */
  public static String hint(String typed, Collection<String> candidates) {
    String best = closest(typed, candidates);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** The closest candidate within {@link #MAX_DISTANCE}, or null. */
  public static String closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String c : candidates) {
      int d = distance(t, c.toLowerCase(Locale.ROOT));
      // A one- or two-letter key is within distance 2 of almost any short word; require the
      // suggestion to share more than it changes.
      if (d < bestDistance && d < Math.max(t.length(), 1) && !c.equals(typed)) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits). */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > MAX_DISTANCE) {
      return Math.abs(n - m);
    }
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
