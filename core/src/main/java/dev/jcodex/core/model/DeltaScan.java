package dev.jcodex.core.model;

import java.nio.charset.StandardCharsets;

/**
 * Reads the Responses stream's delta events (nearly every event of a long answer) in one pass over their
 * bytes: the wanted fields are decoded, every other value is checked and skipped, and no tree, parser or
 * token is built. Measured on this daemon's JIT setting (C1 only), a delta event cost 3.3 µs as a Jackson
 * tree, 2.3 µs through Jackson's streaming parser and 1.2 µs here; while still interpreted, which is where a
 * fresh daemon reads its first thousands of deltas, 90 µs through the streaming parser and 25 µs here
 * (docs/BENCHMARKS.md).
 *
 * <p>It is strict and declines ({@code null}) anything it is not sure to read exactly as Jackson's tree
 * would: another event type, a field of another JSON type, an escaped key, an integer beyond int, invalid
 * UTF-8, deep nesting, trailing bytes, anything malformed. The caller then reads the event as a tree, so both
 * paths mean the same for every input ({@code DeltaScanTest} checks it, also on generated inputs).
 */
final class DeltaScan {
    private static final byte[] TYPE = ascii("type");
    private static final byte[] ITEM_ID = ascii("item_id");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] SUMMARY_INDEX = ascii("summary_index");
    private static final byte[] CONTENT_INDEX = ascii("content_index");
    private static final byte[] OUTPUT_TEXT = ascii("response.output_text.delta");
    private static final byte[] SUMMARY_TEXT = ascii("response.reasoning_summary_text.delta");
    private static final byte[] REASONING_TEXT = ascii("response.reasoning_text.delta");
    private static final int MAX_DEPTH = 32;
    /** Longer strings and names are left to Jackson, whose read constraints then apply as they always did. */
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_NAME_BYTES = 1000;

    /** Thrown when the scan reaches the end of the payload mid-value (a cut event); shared, no stack trace. */
    private static final RuntimeException END = new RuntimeException("end of payload", null, false, false) { };

    private final byte[] b;
    private final int end;
    private int i;

    private DeltaScan(byte[] b, int off, int len) {
        this.b = b;
        this.i = off;
        this.end = off + len;
    }

    /** The event if it is a text, reasoning-summary or reasoning-content delta; otherwise null. */
    static ResponseEvent read(byte[] b, int off, int len) {
        try {
            return new DeltaScan(b, off, len).event();
        } catch (RuntimeException e) {
            return null; // a cut payload (END) or a number past int: the tree read decides
        }
    }

    private ResponseEvent event() {
        byte[] type = null;
        String itemId = null;
        String delta = "";
        int summaryIndex = 0;
        int contentIndex = 0;
        ws();
        if (!eat('{')) return null;
        ws();
        if (!eat('}')) {
            while (true) {
                int keyStart = i + 1;
                if (!skipString(true, MAX_NAME_BYTES)) return null;
                int keyEnd = i - 1;
                ws();
                if (!eat(':')) return null;
                ws();
                switch (key(keyStart, keyEnd)) {
                    case K_TYPE -> {
                        if ((type = deltaType()) == null) return null;
                    }
                    case K_ITEM_ID -> {
                        if ((itemId = string()) == null) return null;
                    }
                    case K_DELTA -> {
                        if ((delta = string()) == null) return null;
                    }
                    case K_SUMMARY_INDEX -> summaryIndex = integer();
                    case K_CONTENT_INDEX -> contentIndex = integer();
                    default -> {
                        if (!skipValue(0)) return null;
                    }
                }
                ws();
                if (eat(',')) {
                    ws();
                    continue;
                }
                if (eat('}')) break;
                return null;
            }
        }
        ws();
        if (i != end || type == null) return null;
        if (type == OUTPUT_TEXT) return new ResponseEvent.OutputTextDelta(itemId, delta);
        if (type == SUMMARY_TEXT) return new ResponseEvent.ReasoningSummaryDelta(itemId, delta, summaryIndex);
        return new ResponseEvent.ReasoningContentDelta(itemId, delta, contentIndex);
    }

    private static final int K_OTHER = 0;
    private static final int K_TYPE = 1;
    private static final int K_ITEM_ID = 2;
    private static final int K_DELTA = 3;
    private static final int K_SUMMARY_INDEX = 4;
    private static final int K_CONTENT_INDEX = 5;

    /** Which wanted field the name in {@code [from, to)} is (by length first: one comparison per name). */
    private int key(int from, int to) {
        return switch (to - from) {
            case 4 -> is(from, to, TYPE) ? K_TYPE : K_OTHER;
            case 5 -> is(from, to, DELTA) ? K_DELTA : K_OTHER;
            case 7 -> is(from, to, ITEM_ID) ? K_ITEM_ID : K_OTHER;
            case 13 -> is(from, to, SUMMARY_INDEX) ? K_SUMMARY_INDEX : is(from, to, CONTENT_INDEX) ? K_CONTENT_INDEX : K_OTHER;
            default -> K_OTHER;
        };
    }

    /** The delta type named by the string at {@code i}, or null for anything else. */
    private byte[] deltaType() {
        int start = i + 1;
        if (!skipString(true, MAX_NAME_BYTES)) return null;
        int stop = i - 1;
        if (is(start, stop, OUTPUT_TEXT)) return OUTPUT_TEXT;
        if (is(start, stop, SUMMARY_TEXT)) return SUMMARY_TEXT;
        if (is(start, stop, REASONING_TEXT)) return REASONING_TEXT;
        return null;
    }

    /** A JSON string value decoded, or null if the value is not a string this reader is sure of. */
    private String string() {
        if (at(i) != '"') return null;
        int start = i + 1;
        // locals, not fields, in the per-byte loops: C1 keeps them in registers
        byte[] a = b;
        int e = end;
        int j = start;
        boolean ascii = true;
        while (true) {
            if (j >= e) throw END;
            int c = a[j];
            if (c == '"') break;
            if (c == '\\') {
                i = j;
                return escapedString(start);
            }
            if (c >= 0 && c < 0x20) return null;
            if (c < 0) ascii = false;
            j++;
        }
        int n = j - start;
        i = j + 1;
        if (n > MAX_STRING_BYTES) return null;
        if (ascii) return new String(a, start, n, StandardCharsets.ISO_8859_1);
        if (!validUtf8(start, j)) return null;
        return new String(a, start, n, StandardCharsets.UTF_8);
    }

    /** The rest of a string that has escapes, from its first byte at {@code start}; {@code i} is at a backslash. */
    private String escapedString(int start) {
        StringBuilder sb = new StringBuilder(i - start + 16);
        int run = start;
        while (true) {
            int c = at(i);
            if (c == '"') {
                if (!appendRun(sb, run, i)) return null;
                i++;
                return i - start > MAX_STRING_BYTES ? null : sb.toString();
            }
            if (c >= 0 && c < 0x20) return null;
            if (c != '\\') {
                i++;
                continue;
            }
            if (!appendRun(sb, run, i)) return null;
            int e = at(i + 1);
            i += 2;
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int h = hex(at(i++));
                        if (h < 0) return null;
                        v = v << 4 | h;
                    }
                    sb.append((char) v);
                }
                default -> {
                    return null;
                }
            }
            run = i;
        }
    }

    private boolean appendRun(StringBuilder sb, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] < 0) {
                if (!validUtf8(from, to)) return false;
                sb.append(new String(b, from, to - from, StandardCharsets.UTF_8));
                return true;
            }
        }
        for (int k = from; k < to; k++) sb.append((char) b[k]);
        return true;
    }

    /**
     * Skips a string at {@code i} (checking its escapes and that it holds no raw control character); with
     * {@code plain}, a string with any escape is refused (names, and types compared as raw bytes).
     */
    private boolean skipString(boolean plain, int maxBytes) {
        if (at(i) != '"') return false;
        byte[] a = b;
        int e = end;
        int start = i + 1;
        int j = start;
        boolean ascii = true;
        while (true) {
            if (j >= e) throw END;
            int c = a[j];
            if (c == '"') break;
            if (c >= 0 && c < 0x20) return false;
            if (c < 0) ascii = false;
            if (c == '\\') {
                if (plain) return false;
                int x = at(j + 1);
                if (x == 'u') {
                    for (int k = 2; k < 6; k++) if (hex(at(j + k)) < 0) return false;
                    j += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(x) < 0) return false;
                j += 2;
                continue;
            }
            j++;
        }
        i = j + 1;
        return j - start <= maxBytes && (ascii || validUtf8(start, j));
    }

    /** An int, as the tree would give it through asInt for an integral number that fits; throws otherwise. */
    private int integer() {
        boolean negative = at(i) == '-';
        if (negative) i++;
        int first = at(i);
        if (first < '0' || first > '9' || (first == '0' && i + 1 < end && b[i + 1] >= '0' && b[i + 1] <= '9')) {
            throw new NumberFormatException();
        }
        long v = 0;
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i++] - '0');
            if (++digits > 10) throw new NumberFormatException();
        }
        if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) throw new NumberFormatException();
        v = negative ? -v : v;
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new NumberFormatException();
        return (int) v;
    }

    private boolean skipValue(int depth) {
        if (depth > MAX_DEPTH) return false;
        int c = at(i);
        switch (c) {
            case '"' -> {
                return skipString(false, MAX_STRING_BYTES);
            }
            case '{' -> {
                i++;
                ws();
                if (eat('}')) return true;
                while (true) {
                    // names with escapes are refused: Jackson's name decoding has rules of its own (it refuses
                    // a broken surrogate pair in a name that it accepts in a value)
                    if (!skipString(true, MAX_NAME_BYTES)) return false;
                    ws();
                    if (!eat(':')) return false;
                    ws();
                    if (!skipValue(depth + 1)) return false;
                    ws();
                    if (eat('}')) return true;
                    if (!eat(',')) return false;
                    ws();
                }
            }
            case '[' -> {
                i++;
                ws();
                if (eat(']')) return true;
                while (true) {
                    if (!skipValue(depth + 1)) return false;
                    ws();
                    if (eat(']')) return true;
                    if (!eat(',')) return false;
                    ws();
                }
            }
            case 't' -> {
                return literal("true");
            }
            case 'f' -> {
                return literal("false");
            }
            case 'n' -> {
                return literal("null");
            }
            default -> {
                return skipNumber();
            }
        }
    }

    /** JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private boolean skipNumber() {
        int start = i;
        if (at(i) == '-') i++;
        if (at(i) == '0') {
            i++;
        } else if (at(i) >= '1' && at(i) <= '9') {
            while (i < end && at(i) >= '0' && at(i) <= '9') i++;
        } else {
            return false;
        }
        if (i < end && at(i) == '.') {
            i++;
            if (!digits()) return false;
        }
        if (i < end && (at(i) == 'e' || at(i) == 'E')) {
            i++;
            if (at(i) == '+' || at(i) == '-') i++;
            if (!digits()) return false;
        }
        return i - start <= 100; // Jackson's default limit on a number's length is 1000 characters
    }

    private boolean digits() {
        int start = i;
        while (i < end && at(i) >= '0' && at(i) <= '9') i++;
        return i > start;
    }

    private boolean literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (at(i + k) != word.charAt(k)) return false;
        }
        i += word.length();
        // "truex" or "nullnull" is not a literal: what follows must end the value
        return i == end || "]},: \t\r\n".indexOf(at(i)) >= 0;
    }

    /** The byte at {@code k}; the payload is a slice of a larger buffer, so nothing past its end is read. */
    private int at(int k) {
        if (k >= end) throw END;
        return b[k];
    }

    private void ws() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private boolean eat(char c) {
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    private boolean is(int from, int to, byte[] word) {
        if (to - from != word.length) return false;
        for (int k = 0; k < word.length; k++) {
            if (b[from + k] != word[k]) return false;
        }
        return true;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), as Jackson requires. */
    private boolean validUtf8(int from, int to) {
        int k = from;
        while (k < to) {
            int c = b[k] & 0xff;
            if (c < 0x80) {
                k++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (k + n >= to) return false;
            int cp = c & (0x3F >> n);
            for (int m = 1; m <= n; m++) {
                int cc = b[k + m] & 0xff;
                if ((cc & 0xC0) != 0x80) return false;
                cp = cp << 6 | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            k += n + 1;
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
