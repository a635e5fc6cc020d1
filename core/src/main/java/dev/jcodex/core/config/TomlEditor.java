package dev.jcodex.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Edits a TOML document in place, keeping everything it does not touch byte for byte: comments, key order,
 * blank lines, quoting style, spacing. tomlj only reads, and a round trip through a map would lose all of
 * that, so this scans the text just far enough to know where each key's value and each table lives and
 * splices new text into it.
 *
 * <p>Addressing is by key path ({@code ["model_providers", "ollama", "base_url"]}). A value set where no key
 * exists goes into the deepest existing table that contains it (as a dotted key when the table already
 * spells that sub-table with dotted keys), or into a new {@code [table]} placed after its closest relative.
 * Arrays of tables ({@code [[x]]}) are never addressed by key path; they are only replaced or removed whole.
 */
public final class TomlEditor {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private String text;
    private final String nl;

    public TomlEditor(String text) {
        this.text = text == null ? "" : text;
        this.nl = this.text.contains("\r\n") ? "\r\n" : "\n";
    }

    public String text() { return text; }

    /**
     * Sets {@code path} to {@code value} (String, Boolean, Number, List, Map; null removes the key). A map is
     * merged key by key unless {@code replace}, in which case whatever was at {@code path} goes first.
     */
    public void set(List<String> path, Object value, boolean replace) {
        if (path.isEmpty()) throw new IllegalArgumentException("empty key path");
        if (value == null) {
            remove(path);
            return;
        }
        if (value instanceof Map<?, ?> m) {
            if (replace) remove(path);
            if (m.isEmpty()) {
                if (!exists(path)) setLeaf(path, "{}");
                return;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<String> child = new ArrayList<>(path);
                child.add(String.valueOf(e.getKey()));
                set(child, e.getValue(), false);
            }
            return;
        }
        setLeaf(path, render(value));
    }

    /** Removes the key or table at {@code path} (and everything under it). Returns whether anything changed. */
    public boolean remove(List<String> path) {
        Scan s = Scan.of(text);
        List<int[]> cuts = new ArrayList<>();
        for (Entry e : s.entries) {
            if (!e.inArrayTable && startsWith(e.fullPath, path)) cuts.add(new int[] {e.lineStart, e.end});
        }
        for (Section sec : s.sections) {
            if (sec.path != null && startsWith(sec.path, path)) cuts.add(new int[] {sec.start, sec.end});
        }
        Entry holder = prefixEntry(s, path);
        if (holder != null && cuts.isEmpty()) {
            Map<String, Object> inline = inlineValue(holder);
            List<String> rest = path.subList(holder.fullPath.size(), path.size());
            if (removePath(inline, rest)) {
                splice(holder.valueStart, holder.valueEnd, render(inline));
                return true;
            }
            return false;
        }
        if (cuts.isEmpty()) return false;
        // Ranges nest (a key inside a removed table): merge them, then cut from the end.
        cuts.sort(Comparator.comparingInt((int[] c) -> c[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] c : cuts) {
            if (!merged.isEmpty() && c[0] <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], c[1]);
            } else {
                merged.add(new int[] {c[0], c[1]});
            }
        }
        StringBuilder sb = new StringBuilder(text);
        for (int k = merged.size() - 1; k >= 0; k--) sb.delete(merged.get(k)[0], merged.get(k)[1]);
        text = sb.toString();
        return true;
    }

    /** Whether a key, table or inline value exists at {@code path}. */
    public boolean exists(List<String> path) {
        Scan s = Scan.of(text);
        for (Entry e : s.entries) if (!e.inArrayTable && startsWith(e.fullPath, path)) return true;
        for (Section sec : s.sections) if (sec.path != null && startsWith(sec.path, path)) return true;
        Entry holder = prefixEntry(s, path);
        return holder != null && ConfigTree.get(inlineValue(holder), dotted(path.subList(holder.fullPath.size(), path.size()))) != null;
    }

    /** Parses the current text; throws IllegalStateException with the first error when it is not valid TOML. */
    public void validate() {
        TomlParseResult r = Toml.parse(text);
        if (r.hasErrors()) throw new IllegalStateException("edited config is not valid TOML: " + r.errors().getFirst());
    }

    // ------------------------------------------------------------------ editing

    private void setLeaf(List<String> path, String rendered) {
        Scan s = Scan.of(text);
        for (Entry e : s.entries) {
            if (!e.inArrayTable && e.fullPath.equals(path)) {
                splice(e.valueStart, e.valueEnd, rendered);
                return;
            }
        }
        Entry holder = prefixEntry(s, path);
        if (holder != null) {
            Map<String, Object> inline = inlineValue(holder);
            List<String> rest = path.subList(holder.fullPath.size(), path.size());
            setPath(inline, rest, parseRendered(rendered));
            splice(holder.valueStart, holder.valueEnd, render(inline));
            return;
        }
        if (remove(path)) s = Scan.of(text); // a table became a plain value
        insert(s, path, rendered);
    }

    private void insert(Scan s, List<String> path, String rendered) {
        Section best = s.sections.getFirst();
        for (Section sec : s.sections) {
            if (sec.path != null && !sec.arrayTable && sec.path.size() < path.size() && startsWith(path, sec.path)
                    && sec.path.size() > best.pathSize()) best = sec;
        }
        List<String> rest = path.subList(best.pathSize(), path.size());
        String line = dotted(rest) + " = " + rendered;
        if (rest.size() == 1) {
            insertInSection(best, line);
            return;
        }
        Entry sibling = null;
        for (Entry e : best.entries) if (e.keyPath.getFirst().equals(rest.getFirst())) sibling = e;
        if (sibling != null) {
            insertAt(sibling.end, line);
            return;
        }
        // A new [table] after its closest relative (e.g. [profiles.new] after the last [profiles.*]).
        List<String> table = path.subList(0, path.size() - 1);
        Section after = null;
        int bestCommon = 0;
        for (Section sec : s.sections) {
            if (sec.path == null) continue;
            int c = common(sec.path, table);
            if (c > 0 && c >= bestCommon) {
                bestCommon = c;
                after = sec;
            }
        }
        String block = "[" + dotted(table) + "]" + nl + dotted(path.subList(path.size() - 1, path.size()))
                + " = " + rendered + nl;
        int at = after == null ? text.length() : trimTrailingBlank(after.end);
        String before = text.substring(0, at);
        String prefix = before.isEmpty() ? "" : before.endsWith(nl + nl) || before.equals(nl) ? "" : before.endsWith(nl) ? nl : nl + nl;
        String suffix = at < text.length() ? nl : "";
        text = before + prefix + block + suffix + text.substring(at);
    }

    /** Inserts {@code line} after the section's last key (or right after its header). */
    private void insertInSection(Section sec, String line) {
        if (!sec.entries.isEmpty()) {
            insertAt(sec.entries.getLast().end, line);
        } else if (sec.path != null) {
            insertAt(sec.headerEnd, line);
        } else {
            // Empty root: put the key above the first table, and above the comment block that heads it.
            int at = attachedCommentStart(sec.end);
            String block = line + nl + (at < text.length() ? nl : "");
            text = text.substring(0, at) + block + text.substring(at);
        }
    }

    private void insertAt(int pos, String line) {
        String before = text.substring(0, pos);
        String lead = before.isEmpty() || before.endsWith("\n") ? "" : nl;
        text = before + lead + line + nl + text.substring(pos);
    }

    /** Moves {@code pos} back over blank lines so a new table goes right after its relative's last line. */
    private int trimTrailingBlank(int pos) {
        int p = pos;
        while (p > 0) {
            int lineStart = text.lastIndexOf('\n', p - 2) + 1;
            if (p - 1 < 0 || text.charAt(p - 1) != '\n') break;
            String line = text.substring(lineStart, p).trim();
            if (!line.isEmpty() || lineStart == 0) break;
            p = lineStart;
        }
        return p;
    }

    private int attachedCommentStart(int headerStart) {
        int p = headerStart;
        while (p > 0) {
            int prevStart = text.lastIndexOf('\n', p - 2) + 1;
            String line = text.substring(prevStart, p).trim();
            if (!line.startsWith("#")) break;
            p = prevStart;
        }
        return p;
    }

    private void splice(int from, int to, String replacement) {
        text = text.substring(0, from) + replacement + text.substring(to);
    }

    /** The key whose (inline) value contains {@code path}: {@code a = { b = 1 }} holds {@code a.b}. */
    private static Entry prefixEntry(Scan s, List<String> path) {
        for (Entry e : s.entries) {
            if (!e.inArrayTable && e.fullPath.size() < path.size() && startsWith(path, e.fullPath)) return e;
        }
        return null;
    }

    private Map<String, Object> inlineValue(Entry e) {
        TomlParseResult r = Toml.parse("v = " + text.substring(e.valueStart, e.valueEnd));
        if (!r.hasErrors() && r.isTable("v")) return ConfigTree.fromToml(r.getTable("v"));
        return new LinkedHashMap<>();
    }

    private static Object parseRendered(String rendered) {
        TomlParseResult r = Toml.parse("v = " + rendered);
        return ConfigTree.fromToml(r).get("v");
    }

    @SuppressWarnings("unchecked")
    private static void setPath(Map<String, Object> root, List<String> path, Object value) {
        Map<String, Object> cur = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = cur.get(path.get(i));
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                cur.put(path.get(i), next);
            }
            cur = (Map<String, Object>) next;
        }
        cur.put(path.getLast(), value);
    }

    @SuppressWarnings("unchecked")
    private static boolean removePath(Map<String, Object> root, List<String> path) {
        Object cur = root;
        for (int i = 0; i < path.size() - 1; i++) {
            if (!(cur instanceof Map)) return false;
            cur = ((Map<String, Object>) cur).get(path.get(i));
        }
        return cur instanceof Map && ((Map<String, Object>) cur).remove(path.getLast()) != null;
    }

    // ------------------------------------------------------------------ rendering

    /** TOML text for a value: strings escaped, lists and maps inline. */
    public static String render(Object v) {
        return switch (v) {
            case null -> throw new IllegalArgumentException("TOML has no null");
            case String s -> quote(s);
            case Boolean b -> b.toString();
            case Double d -> d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.toString();
            case Float f -> render(f.doubleValue());
            case java.math.BigDecimal d -> d.toString();
            case Number n -> n.toString();
            case List<?> l -> {
                StringBuilder sb = new StringBuilder("[");
                for (Object o : l) {
                    if (o == null) continue;
                    if (sb.length() > 1) sb.append(", ");
                    sb.append(render(o));
                }
                yield sb.append(']').toString();
            }
            case Map<?, ?> m -> {
                if (m.isEmpty()) yield "{}";
                StringBuilder sb = new StringBuilder("{ ");
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (e.getValue() == null) continue;
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append(key(String.valueOf(e.getKey()))).append(" = ").append(render(e.getValue()));
                }
                yield sb.append(" }").toString();
            }
            default -> quote(v.toString());
        };
    }

    public static String key(String k) { return BARE_KEY.matcher(k).matches() ? k : quote(k); }

    public static String dotted(List<String> path) {
        StringBuilder sb = new StringBuilder();
        for (String p : path) {
            if (!sb.isEmpty()) sb.append('.');
            sb.append(key(p));
        }
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04X", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean startsWith(List<String> full, List<String> prefix) {
        return full.size() >= prefix.size() && full.subList(0, prefix.size()).equals(prefix);
    }

    private static int common(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) n++;
        return n;
    }

    // ------------------------------------------------------------------ scanning

    /** A {@code key = value} line: where its value text starts and ends, and where its line ends. */
    record Entry(List<String> keyPath, List<String> fullPath, boolean inArrayTable, int lineStart, int valueStart,
                 int valueEnd, int end) {}

    /** The root (path null) or a [table] / [[array]] and the keys under it, up to the next header. */
    static final class Section {
        final List<String> path;
        final boolean arrayTable;
        final int start;
        final int headerEnd;
        int end;
        final List<Entry> entries = new ArrayList<>();

        Section(List<String> path, boolean arrayTable, int start, int headerEnd) {
            this.path = path;
            this.arrayTable = arrayTable;
            this.start = start;
            this.headerEnd = headerEnd;
        }

        int pathSize() { return path == null ? 0 : path.size(); }
    }

    /** One pass over the text: sections and entries with offsets. Lenient: it stops at what it cannot read. */
    static final class Scan {
        final String t;
        int i;
        final List<Section> sections = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();

        private Scan(String t) { this.t = t; }

        static Scan of(String text) {
            Scan s = new Scan(text);
            s.run();
            return s;
        }

        private void run() {
            Section cur = new Section(null, false, 0, 0);
            sections.add(cur);
            List<String> arrayPrefix = null;
            int n = t.length();
            while (i < n) {
                skipSpaces();
                if (i >= n) break;
                char c = t.charAt(i);
                if (c == '\n' || c == '\r') { i++; continue; }
                if (c == '#') { skipToLineEnd(); continue; }
                int lineStart = t.lastIndexOf('\n', i - 1) + 1;
                if (c == '[') {
                    boolean arr = i + 1 < n && t.charAt(i + 1) == '[';
                    i += arr ? 2 : 1;
                    List<String> path = parseKey();
                    skipSpaces();
                    i += arr ? 2 : 1;
                    skipRestOfLine();
                    cur.end = lineStart;
                    cur = new Section(path, arr, lineStart, i);
                    sections.add(cur);
                    if (arr) arrayPrefix = path;
                    else if (arrayPrefix != null && !startsWith(path, arrayPrefix)) arrayPrefix = null;
                    continue;
                }
                List<String> key = parseKey();
                skipSpaces();
                if (i >= n || t.charAt(i) != '=') { skipToLineEnd(); continue; } // not something we can edit
                i++;
                skipSpaces();
                int vs = i;
                skipValue();
                int ve = i;
                skipRestOfLine();
                List<String> full = new ArrayList<>(cur.path == null ? List.of() : cur.path);
                full.addAll(key);
                boolean inArray = cur.arrayTable || (arrayPrefix != null && cur.path != null);
                Entry e = new Entry(key, full, inArray, lineStart, vs, ve, i);
                entries.add(e);
                cur.entries.add(e);
            }
            cur.end = n;
        }

        private void skipSpaces() {
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) i++;
        }

        private void skipToLineEnd() {
            while (i < t.length() && t.charAt(i) != '\n') i++;
            if (i < t.length()) i++;
        }

        /** Spaces, an optional comment, and the newline. */
        private void skipRestOfLine() { skipToLineEnd(); }

        private void skipWsNlComments() {
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') i++;
                else if (c == '#') skipToLineEnd();
                else break;
            }
        }

        private List<String> parseKey() {
            List<String> parts = new ArrayList<>();
            while (i < t.length()) {
                skipSpaces();
                if (i >= t.length()) break;
                char c = t.charAt(i);
                if (c == '"') parts.add(readBasic());
                else if (c == '\'') parts.add(readLiteral());
                else {
                    int s = i;
                    while (i < t.length() && isBareChar(t.charAt(i))) i++;
                    if (s == i) break;
                    parts.add(t.substring(s, i));
                }
                skipSpaces();
                if (i < t.length() && t.charAt(i) == '.') i++;
                else break;
            }
            return parts;
        }

        private static boolean isBareChar(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }

        private String readBasic() {
            StringBuilder sb = new StringBuilder();
            i++;
            while (i < t.length() && t.charAt(i) != '"' && t.charAt(i) != '\n') {
                char c = t.charAt(i);
                if (c == '\\' && i + 1 < t.length()) {
                    char e = t.charAt(i + 1);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u', 'U' -> {
                            int len = e == 'u' ? 4 : 8;
                            int cp = Integer.parseInt(t.substring(i + 2, Math.min(t.length(), i + 2 + len)), 16);
                            sb.appendCodePoint(cp);
                            i += len;
                        }
                        default -> sb.append(e);
                    }
                    i += 2;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            i++;
            return sb.toString();
        }

        private String readLiteral() {
            int s = ++i;
            while (i < t.length() && t.charAt(i) != '\'' && t.charAt(i) != '\n') i++;
            String v = t.substring(s, Math.min(i, t.length()));
            i++;
            return v;
        }

        private void skipValue() {
            if (i >= t.length()) return;
            char c = t.charAt(i);
            if (t.startsWith("\"\"\"", i)) skipMultiline("\"\"\"", true);
            else if (t.startsWith("'''", i)) skipMultiline("'''", false);
            else if (c == '"') readBasic();
            else if (c == '\'') readLiteral();
            else if (c == '[') {
                i++;
                while (i < t.length()) {
                    skipWsNlComments();
                    if (i >= t.length()) break;
                    if (t.charAt(i) == ']') { i++; break; }
                    int before = i;
                    skipValue();
                    skipWsNlComments();
                    if (i < t.length() && t.charAt(i) == ',') i++;
                    else if (i == before) i++; // never loop on garbage
                }
            } else if (c == '{') {
                i++;
                while (i < t.length()) {
                    skipSpaces();
                    if (i >= t.length() || t.charAt(i) == '\n') break;
                    if (t.charAt(i) == '}') { i++; break; }
                    int before = i;
                    parseKey();
                    skipSpaces();
                    if (i < t.length() && t.charAt(i) == '=') i++;
                    skipSpaces();
                    skipValue();
                    skipSpaces();
                    if (i < t.length() && t.charAt(i) == ',') i++;
                    else if (i == before) i++;
                }
            } else {
                int s = i;
                while (i < t.length() && " \t\r\n,]}#".indexOf(t.charAt(i)) < 0) i++;
                // a local date-time may hold one space: 1979-05-27 07:32:00
                if (i + 1 < t.length() && t.charAt(i) == ' ' && Character.isDigit(t.charAt(i + 1))
                        && t.substring(s, i).matches("\\d{4}-\\d{2}-\\d{2}")) {
                    i++;
                    while (i < t.length() && " \t\r\n,]}#".indexOf(t.charAt(i)) < 0) i++;
                }
            }
        }

        private void skipMultiline(String delim, boolean escapes) {
            i += 3;
            while (i < t.length()) {
                if (escapes && t.charAt(i) == '\\') { i += 2; continue; }
                if (t.startsWith(delim, i)) {
                    i += 3;
                    int extra = 0;
                    while (extra < 2 && i < t.length() && t.charAt(i) == delim.charAt(0)) { i++; extra++; }
                    return;
                }
                i++;
            }
        }
    }
}
