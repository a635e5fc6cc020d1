package dev.jcodex.appserver.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one .gitignore (or .git/info/exclude) file, matched against paths relative to the directory
 * that holds it: comments, {@code !} negation, trailing {@code /} for directories, anchoring by a leading or
 * inner {@code /}, and the {@code *}, {@code ?}, {@code **} and {@code [...]} globs.
 */
final class GitIgnore {
    private record Rule(Pattern pattern, boolean negate, boolean dirOnly) {}

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) { this.rules = rules; }

    static GitIgnore load(Path file) {
        List<Rule> rules = new ArrayList<>();
        try {
            for (String raw : Files.readAllLines(file)) {
                Rule r = parse(raw);
                if (r != null) rules.add(r);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not UTF-8: ignore nothing from it
        }
        return new GitIgnore(rules);
    }

    static GitIgnore of(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String l : lines) {
            Rule r = parse(l);
            if (r != null) rules.add(r);
        }
        return new GitIgnore(rules);
    }

    boolean isEmpty() { return rules.isEmpty(); }

    /** TRUE: ignored, FALSE: explicitly re-included, null: no rule matched. Last matching rule wins. */
    Boolean match(String relative, boolean isDir) {
        Boolean result = null;
        for (Rule r : rules) {
            if (r.dirOnly() && !isDir) continue;
            if (r.pattern().matcher(relative).matches()) result = !r.negate();
        }
        return result;
    }

    private static Rule parse(String line) {
        String s = line;
        if (s.isEmpty() || s.startsWith("#")) return null;
        // trailing spaces are ignored unless escaped
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ' && (end < 2 || s.charAt(end - 2) != '\\')) end--;
        s = s.substring(0, end);
        if (s.isEmpty()) return null;
        boolean negate = false;
        if (s.startsWith("!")) {
            negate = true;
            s = s.substring(1);
        } else if (s.startsWith("\\!") || s.startsWith("\\#")) {
            s = s.substring(1);
        }
        boolean dirOnly = s.endsWith("/");
        if (dirOnly) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) return null;
        boolean anchored = s.contains("/");
        if (s.startsWith("/")) s = s.substring(1);
        String glob = toRegex(s);
        String regex = anchored ? glob : "(?:.*/)?" + glob;
        return new Rule(Pattern.compile(regex), negate, dirOnly);
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean dbl = i + 1 < n && glob.charAt(i + 1) == '*';
                if (dbl) {
                    boolean leadingSlashOk = i == 0 || glob.charAt(i - 1) == '/';
                    boolean trailingSlash = i + 2 < n && glob.charAt(i + 2) == '/';
                    if (leadingSlashOk && trailingSlash) {
                        re.append("(?:.*/)?");
                        i += 2;
                    } else if (leadingSlashOk && i + 2 == n) {
                        re.append(".*");
                        i += 1;
                    } else {
                        re.append("[^/]*");
                        i += 1;
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!")) body = "^" + body.substring(1);
                    re.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // a pattern matching a directory also covers everything below it
        return re + "(?:/.*)?";
    }
}
