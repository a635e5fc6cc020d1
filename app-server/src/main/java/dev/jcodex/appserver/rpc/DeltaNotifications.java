package dev.jcodex.appserver.rpc;

import dev.jcodex.protocol.notification.AgentMessageDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningSummaryTextDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningTextDeltaNotification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The streaming delta notifications (thousands per answer) rendered straight to bytes. Everything before the
 * delta text is the same for every delta of an item, so it is rendered once and reused; a delta then costs
 * one escape pass over its text and one array. On this daemon's JIT (C1 only) Jackson's generator plus
 * databind took about 2 µs per delta. The bytes are exactly what the generic path writes (field order of
 * the protocol records, Jackson's escapes; {@code DeltaNotificationsTest} holds them equal), so the records
 * stay the single definition of these messages.
 */
final class DeltaNotifications {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = ascii("null");
    private static final byte[] EMITTED = ascii("},\"emittedAtMs\":");
    private static final byte[] SUMMARY_INDEX = ascii(",\"summaryIndex\":");
    private static final byte[] CONTENT_INDEX = ascii(",\"contentIndex\":");

    /** The rendered start of the last item's deltas; a race between two turns only costs a re-render. */
    private record Prefix(String method, String threadId, String turnId, String itemId, byte[] bytes) {
        boolean matches(String m, String th, String tu, String it) {
            return method.equals(m) && Objects.equals(threadId, th) && Objects.equals(turnId, tu)
                    && Objects.equals(itemId, it);
        }
    }

    private static volatile Prefix last = new Prefix("", null, null, null, new byte[0]);

    /** The timestamp's digits, rendered once per millisecond (a burst of deltas shares a few). */
    private record Stamp(long ms, byte[] digits) {}

    private static volatile Stamp stamp = new Stamp(0, new byte[] {'0'});

    private DeltaNotifications() {}

    /** The notification's bytes if {@code params} is a delta notification; null otherwise. */
    static byte[] render(String method, Object params, long emittedAtMs) {
        return switch (params) {
            case AgentMessageDeltaNotification d ->
                    render(method, d.threadId(), d.turnId(), d.itemId(), d.delta(), null, 0, emittedAtMs);
            case ReasoningSummaryTextDeltaNotification d -> render(method, d.threadId(), d.turnId(), d.itemId(),
                    d.delta(), SUMMARY_INDEX, d.summaryIndex(), emittedAtMs);
            case ReasoningTextDeltaNotification d -> render(method, d.threadId(), d.turnId(), d.itemId(),
                    d.delta(), CONTENT_INDEX, d.contentIndex(), emittedAtMs);
            case null, default -> null;
        };
    }

    private static byte[] render(String method, String threadId, String turnId, String itemId, String delta,
                                 byte[] indexField, int index, long emittedAtMs) {
        Prefix p = last;
        if (!p.matches(method, threadId, turnId, itemId)) {
            p = new Prefix(method, threadId, turnId, itemId, prefix(method, threadId, turnId, itemId));
            last = p;
        }
        byte[] base = p.bytes();
        int textLen = delta == null ? NULL.length : quotedLength(delta);
        int indexLen = indexField == null ? 0 : indexField.length + digits(index);
        Stamp st = stamp;
        if (st.ms() != emittedAtMs) {
            byte[] d = new byte[digits(emittedAtMs)];
            writeNumber(emittedAtMs, d, 0);
            stamp = st = new Stamp(emittedAtMs, d);
        }
        byte[] out = Arrays.copyOf(base, base.length + textLen + indexLen + EMITTED.length + st.digits().length + 1);
        int at = base.length;
        if (delta == null) System.arraycopy(NULL, 0, out, at, NULL.length);
        else writeQuoted(delta, out, at);
        at += textLen;
        if (indexField != null) {
            System.arraycopy(indexField, 0, out, at, indexField.length);
            at = writeNumber(index, out, at + indexField.length);
        }
        System.arraycopy(EMITTED, 0, out, at, EMITTED.length);
        System.arraycopy(st.digits(), 0, out, at + EMITTED.length, st.digits().length);
        at += EMITTED.length + st.digits().length;
        out[at] = '}';
        return out;
    }

    private static int digits(long v) {
        int n = v < 0 ? 2 : 1;
        for (long x = Math.abs(v / 10); x > 0; x /= 10) n++;
        return n;
    }

    /** Writes {@code v} in decimal at {@code at}; returns the index after it. */
    private static int writeNumber(long v, byte[] out, int at) {
        int end = at + digits(v);
        int k = end;
        long x = v;
        do {
            out[--k] = (byte) ('0' + Math.abs(x % 10));
            x /= 10;
        } while (x != 0);
        if (v < 0) out[--k] = '-';
        return end;
    }

    private static byte[] prefix(String method, String threadId, String turnId, String itemId) {
        StringBuilder sb = new StringBuilder(160).append("{\"method\":");
        appendValue(sb, method);
        sb.append(",\"params\":{\"threadId\":");
        appendValue(sb, threadId);
        sb.append(",\"turnId\":");
        appendValue(sb, turnId);
        sb.append(",\"itemId\":");
        appendValue(sb, itemId);
        sb.append(",\"delta\":");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Appends the quoted bytes (as Latin-1 chars, one per byte) of a value, or null. */
    private static void appendValue(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        byte[] q = new byte[quotedLength(s)];
        writeQuoted(s, q, 0);
        sb.append(new String(q, StandardCharsets.ISO_8859_1));
    }

    /** The length of {@code s} as a JSON string in UTF-8, quotes included, escaped as Jackson's UTF-8 writer does. */
    private static int quotedLength(String s) {
        int n = 2;
        for (int k = 0, len = s.length(); k < len; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') n++;
                else n += shortEscape(c) != 0 ? 2 : 6;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isSurrogate(c)) {
                n += 6; // Jackson writes each surrogate as \\uXXXX rather than pairing them into 4 UTF-8 bytes
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static void writeQuoted(String s, byte[] out, int at) {
        out[at++] = '"';
        for (int k = 0, len = s.length(); k < len; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out[at++] = (byte) c;
                } else {
                    char e = shortEscape(c);
                    out[at++] = '\\';
                    if (e != 0) {
                        out[at++] = (byte) e;
                    } else {
                        at = unicodeEscape(c, out, at);
                    }
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[at++] = '\\';
                at = unicodeEscape(c, out, at);
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out[at] = '"';
    }

    /** Writes {@code uXXXX} (the backslash is already written). */
    private static int unicodeEscape(char c, byte[] out, int at) {
        out[at++] = 'u';
        out[at++] = HEX[(c >> 12) & 0xF];
        out[at++] = HEX[(c >> 8) & 0xF];
        out[at++] = HEX[(c >> 4) & 0xF];
        out[at++] = HEX[c & 0xF];
        return at;
    }

    private static char shortEscape(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
