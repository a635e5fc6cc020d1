package dev.jcodex.appserver.handlers;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a path against a query the way file pickers do: the query's characters must appear in order
 * (case-insensitively); matches at word starts (after {@code / _ - .} or a lower→upper change), runs of
 * consecutive characters and matches inside the file name score higher; gaps cost. Dynamic programming over
 * (query char, path position) finds the best alignment, whose positions are returned for highlighting.
 */
final class FuzzyMatcher {
    static final int MATCH = 16;
    static final int BOUNDARY = 10;
    static final int CONSECUTIVE = 8;
    static final int FILE_NAME = 4;
    static final int GAP_START = 3;
    private static final int NONE = Integer.MIN_VALUE / 2;

    record Result(int score, List<Integer> indices) {}

    private final char[] query;

    FuzzyMatcher(String query) { this.query = query.toLowerCase().toCharArray(); }

    /** The best match of the query in {@code path}, or null when it is not a subsequence. */
    Result match(String path) {
        int m = query.length, n = path.length();
        if (m == 0 || m > n) return null;
        char[] lower = path.toLowerCase().toCharArray();
        if (lower.length != n) return null; // a case mapping changed the length: skip such exotic names
        // quick reject: subsequence check
        for (int i = 0, j = 0; i < m; j++) {
            if (j == n) return null;
            if (lower[j] == query[i]) i++;
        }
        int nameStart = path.lastIndexOf('/') + 1;
        int[] prev = new int[n];
        int[] cur = new int[n];
        int[][] from = new int[m][n];
        for (int i = 0; i < m; i++) {
            int runBest = NONE, runAt = -1; // best of prev[k] + k over k < j-1 (gap transitions)
            for (int j = 0; j < n; j++) {
                if (i > 0 && j >= 2 && prev[j - 2] > NONE && prev[j - 2] + (j - 2) > runBest) {
                    runBest = prev[j - 2] + (j - 2);
                    runAt = j - 2;
                }
                cur[j] = NONE;
                if (lower[j] != query[i]) continue;
                int gain = MATCH + bonus(path, j) + (j >= nameStart ? FILE_NAME : 0);
                if (i == 0) {
                    // leading gap costs a little so that earlier matches win ties, less than inner gaps
                    cur[j] = gain - Math.min(j, 2 * GAP_START);
                    from[i][j] = -1;
                    continue;
                }
                int best = NONE, at = -1;
                if (j >= 1 && prev[j - 1] > NONE) {
                    best = prev[j - 1] + CONSECUTIVE;
                    at = j - 1;
                }
                if (runBest > NONE) {
                    int viaGap = runBest - (j - 1) - GAP_START;
                    if (viaGap > best) {
                        best = viaGap;
                        at = runAt;
                    }
                }
                if (at < 0) continue;
                cur[j] = best + gain;
                from[i][j] = at;
            }
            int[] t = prev; prev = cur; cur = t;
        }
        int bestJ = -1, best = NONE;
        for (int j = 0; j < n; j++) if (prev[j] > best) { best = prev[j]; bestJ = j; }
        if (bestJ < 0) return null;
        List<Integer> idx = new ArrayList<>(m);
        for (int i = m - 1, j = bestJ; i >= 0; j = from[i][j], i--) idx.add(0, j);
        return new Result(best, idx);
    }

    private static int bonus(String s, int j) {
        if (j == 0) return BOUNDARY;
        char p = s.charAt(j - 1), c = s.charAt(j);
        if (p == '/' ) return BOUNDARY + 2;
        if (p == '_' || p == '-' || p == '.' || p == ' ') return BOUNDARY;
        if (Character.isLowerCase(p) && Character.isUpperCase(c)) return BOUNDARY - 2;
        return 0;
    }
}
