package dev.jcodex.core.review;

import java.util.ArrayList;
import java.util.List;

/** One file's part of a unified diff, with the counts a reviewer sees first. */
record FileDiff(String path, String text, int added, int removed, boolean binary) {

    /** Splits git diff output into per-file parts (at {@code diff --git} / {@code diff --cc} headers). */
    static List<FileDiff> split(String diff) {
        List<FileDiff> out = new ArrayList<>();
        if (diff.isEmpty()) return out;
        int start = -1;
        int pos = 0;
        while (pos < diff.length()) {
            int eol = diff.indexOf('\n', pos);
            int next = eol < 0 ? diff.length() : eol + 1;
            if (diff.startsWith("diff --git ", pos) || diff.startsWith("diff --cc ", pos)) {
                if (start >= 0) out.add(parse(diff.substring(start, pos)));
                start = pos;
            } else if (start < 0) {
                start = pos; // text before the first header (should not happen with git diff)
            }
            pos = next;
        }
        if (start >= 0) out.add(parse(diff.substring(start)));
        return out;
    }

    static FileDiff parse(String text) {
        String path = null;
        int added = 0;
        int removed = 0;
        boolean binary = false;
        boolean inHunks = false;
        for (String line : text.split("\n", -1)) {
            if (!inHunks) {
                if (line.startsWith("@@")) inHunks = true;
                else if (line.startsWith("+++ ") && !line.equals("+++ /dev/null")) path = stripPrefix(line.substring(4));
                else if (line.startsWith("--- ") && path == null && !line.equals("--- /dev/null")) path = stripPrefix(line.substring(4));
                else if (line.startsWith("rename to ")) path = line.substring("rename to ".length());
                else if (line.startsWith("Binary files ")) {
                    binary = true;
                    int and = line.lastIndexOf(" and ");
                    if (path == null && and > 0) {
                        String b = line.substring(and + 5).replaceFirst(" differ$", "");
                        if (!b.equals("/dev/null")) path = stripPrefix(b);
                    }
                }
                continue;
            }
            if (line.startsWith("+")) added++;
            else if (line.startsWith("-")) removed++;
        }
        if (path == null) path = headerPath(text);
        return new FileDiff(path, text, added, removed, binary);
    }

    private static String stripPrefix(String p) {
        int tab = p.indexOf('\t');
        if (tab >= 0) p = p.substring(0, tab);
        if (p.startsWith("a/") || p.startsWith("b/")) return p.substring(2);
        return p;
    }

    private static String headerPath(String text) {
        int eol = text.indexOf('\n');
        String header = eol < 0 ? text : text.substring(0, eol);
        int b = header.lastIndexOf(" b/");
        if (b >= 0) return header.substring(b + 3);
        return header.replaceFirst("^diff --(git|cc) ", "");
    }

    int lineCount() {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        return n;
    }
}
