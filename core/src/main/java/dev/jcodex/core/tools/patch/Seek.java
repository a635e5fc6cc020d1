package dev.jcodex.core.tools.patch;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds where a run of lines sits in a file, from strict to forgiving: exact, then ignoring trailing
 * whitespace, then ignoring surrounding whitespace, then also treating typographic punctuation (curly
 * quotes, dashes, non-breaking spaces) as its ASCII form, because models often retype lines that way.
 */
final class Seek {
    private Seek() {}

    private static final List<UnaryOperator<String>> LEVELS = List.of(
            s -> s, String::stripTrailing, String::strip, s -> normalizePunctuation(s.strip()));

    /** Index of the first line of {@code pattern} at or after {@code from}, or -1. {@code eof}: prefer the end. */
    static int find(List<String> lines, List<String> pattern, int from, boolean eof) {
        if (pattern.isEmpty()) return from;
        if (pattern.size() > lines.size()) return -1;
        for (UnaryOperator<String> norm : LEVELS) {
            if (eof) {
                int at = lines.size() - pattern.size();
                if (at >= from && matches(lines, pattern, at, norm)) return at;
            }
            for (int i = Math.max(0, from); i <= lines.size() - pattern.size(); i++) {
                if (matches(lines, pattern, i, norm)) return i;
            }
        }
        return -1;
    }

    private static boolean matches(List<String> lines, List<String> pattern, int at, UnaryOperator<String> norm) {
        for (int j = 0; j < pattern.size(); j++) {
            if (!norm.apply(lines.get(at + j)).equals(norm.apply(pattern.get(j)))) return false;
        }
        return true;
    }

    static String normalizePunctuation(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(switch (c) {
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
                case '\u00A0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009',
                     '\u200A', '\u202F', '\u205F', '\u3000' -> ' ';
                default -> c;
            });
        }
        return b.toString();
    }
}
