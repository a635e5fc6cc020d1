package dev.jcodex.core.tools.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Just enough of the POSIX shell's lexing to understand simple commands: words (with quotes and escapes
 * resolved) and control/redirection operators. Anything it cannot follow (substitutions, unterminated
 * quotes) makes {@link #split} return null, and callers then treat the command as opaque.
 */
final class ShellWords {
    private ShellWords() {}

    /** A token: an operator ({@code &&}, {@code |}, {@code >} ...) or a word. */
    record Token(String text, boolean operator) {}

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    /** shlex-style quoting: bare when safe, else single quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String w : argv) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(quote(w));
        }
        return sb.toString();
    }

    static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        StringBuilder cur = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (cur != null) { out.add(new Token(cur.toString(), false)); cur = null; }
                if (c == '\n') out.add(new Token(";", true));
                i++;
                continue;
            }
            if (c == '`' || (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(')) return null;
            if (c == '&' || c == '|' || c == ';' || c == '>' || c == '<' || c == '(' || c == ')') {
                // "2>" and "2>&1": a digit word right before '>' belongs to the redirection.
                if (cur != null && (c == '>' || c == '<') && cur.toString().matches("[0-9]")) {
                    cur = null;
                } else if (cur != null) {
                    out.add(new Token(cur.toString(), false));
                    cur = null;
                }
                int j = i + 1;
                while (j < s.length() && "&|>".indexOf(s.charAt(j)) >= 0 && j - i < 2) j++;
                String op = s.substring(i, j);
                if (op.equals(">&") || op.equals(">|")) {
                    // ">&1" style: swallow the fd number as part of the operator
                    while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                    op = s.substring(i, j);
                }
                out.add(new Token(op, true));
                i = j;
                continue;
            }
            if (cur == null) cur = new StringBuilder();
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) return null;
                cur.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    char d = s.charAt(j);
                    if (d == '`' || (d == '$' && j + 1 < s.length() && s.charAt(j + 1) == '(')) return null;
                    if (d == '\\' && j + 1 < s.length()) { cur.append(s.charAt(j + 1)); j += 2; continue; }
                    cur.append(d);
                    j++;
                }
                if (j >= s.length()) return null;
                i = j + 1;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(i + 1));
                i += 2;
            } else {
                cur.append(c);
                i++;
            }
        }
        if (cur != null) out.add(new Token(cur.toString(), false));
        return out;
    }

    /** Splits tokens on {@code &&}, {@code ||}, {@code ;} and {@code |} into simple commands; null if other operators occur. */
    static List<List<String>> segments(List<Token> tokens, List<String> separators) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (Token t : tokens) {
            if (!t.operator()) { cur.add(t.text()); continue; }
            switch (t.text()) {
                case "&&", "||", ";", "|" -> {
                    if (cur.isEmpty()) return null;
                    out.add(cur);
                    separators.add(t.text());
                    cur = new ArrayList<>();
                }
                default -> { return null; }
            }
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }
}
