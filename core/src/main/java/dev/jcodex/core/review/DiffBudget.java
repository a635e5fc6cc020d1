package dev.jcodex.core.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits a diff into what a review request can carry. Every file is listed with its counts; then the budget
 * is shared out smallest file first, each taking at most an even share of what is left, so one huge file
 * (a lockfile, generated code) cannot crowd out the small hand-written changes that usually matter most.
 * A file that does not fit is cut at a line boundary and the cut is marked where it happens.
 */
final class DiffBudget {
    /** Below this many characters a partial file is not worth showing: only its header and a marker. */
    static final int MIN_PARTIAL = 400;
    static final int MAX_LISTED = 300;

    private DiffBudget() {}

    /** The fitted text, and what was left out (for the note to the model). */
    record Fitted(String summary, String diff, int totalChars, int files, int partial, int omitted, boolean cut) {}

    static Fitted fit(List<FileDiff> files, List<String> unreached, int budget) {
        int total = 0;
        for (FileDiff f : files) total += f.text().length();
        String summary = summary(files, unreached);
        if (total <= budget && unreached.isEmpty()) {
            StringBuilder all = new StringBuilder(total);
            for (FileDiff f : files) all.append(f.text());
            return new Fitted(summary, all.toString(), total, files.size(), 0, 0, false);
        }
        int[] alloc = new int[files.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(i -> files.get(i).text().length()));
        long remaining = Math.max(0, budget - summary.length());
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            long share = remaining / (order.size() - k);
            alloc[i] = (int) Math.min(files.get(i).text().length(), share);
            remaining -= alloc[i];
        }
        StringBuilder out = new StringBuilder();
        int partial = 0;
        int omitted = unreached.size();
        for (int i = 0; i < files.size(); i++) {
            FileDiff f = files.get(i);
            if (alloc[i] >= f.text().length()) {
                out.append(f.text());
                continue;
            }
            String shown = alloc[i] < MIN_PARTIAL ? "" : cutAtLine(f.text(), alloc[i]);
            if (shown.isEmpty()) {
                omitted++;
                out.append(firstLine(f.text())).append('\n').append("[diff of ").append(f.path())
                        .append(" left out for length: ").append(f.lineCount()).append(" lines, +").append(f.added())
                        .append(" -").append(f.removed()).append("]\n");
            } else {
                partial++;
                int shownLines = (int) shown.chars().filter(c -> c == '\n').count();
                out.append(shown).append("[diff of ").append(f.path()).append(" cut here for length: showed ")
                        .append(shownLines).append(" of ").append(f.lineCount()).append(" lines]\n");
            }
        }
        return new Fitted(summary, out.toString(), total, files.size() + unreached.size(), partial, omitted, true);
    }

    static String summary(List<FileDiff> files, List<String> unreached) {
        StringBuilder sb = new StringBuilder();
        int listed = 0;
        int added = 0;
        int removed = 0;
        for (FileDiff f : files) {
            added += f.added();
            removed += f.removed();
            if (listed++ < MAX_LISTED) {
                sb.append("  ").append(f.path()).append(f.binary() ? "  (binary)" : "  +" + f.added() + " -" + f.removed())
                        .append('\n');
            }
        }
        for (String u : unreached) {
            if (listed++ < MAX_LISTED) sb.append("  ").append(u).append("  (diff not read: too large)\n");
        }
        if (listed > MAX_LISTED) sb.append("  ... and ").append(listed - MAX_LISTED).append(" more files\n");
        int count = files.size() + unreached.size();
        return count + (count == 1 ? " file" : " files") + " changed, +" + added + " -" + removed + "\n" + sb;
    }

    private static String cutAtLine(String text, int max) {
        int end = text.lastIndexOf('\n', max - 1);
        return end < 0 ? "" : text.substring(0, end + 1);
    }

    private static String firstLine(String text) {
        int eol = text.indexOf('\n');
        return eol < 0 ? text : text.substring(0, eol);
    }
}
