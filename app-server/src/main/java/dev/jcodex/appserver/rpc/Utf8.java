package dev.jcodex.appserver.rpc;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Jackson
 * decodes some of these leniently, and a lone surrogate echoed back in an error message would put
 * invalid UTF-8 on the client's stream; so a message must pass this before it is parsed. A raw NUL byte is
 * refused too: JSON allows control characters only escaped, and NULs are what make Jackson's encoding
 * detection read a line as UTF-16 or UTF-32 (so {@code "\0{\0}"} would parse as {@code {}}).
 */
final class Utf8 {
    private Utf8() {}

    /** Null when the message is well-formed UTF-8 without NUL bytes; else what is wrong, for a -32700. */
    static String problem(byte[] b, int off, int len) {
        int i = off, end = off + len;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c == 0) return "message contains a NUL byte at offset " + (i - off);
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
            else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
            else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
            else return INVALID;
            int cp = c & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= end) return INVALID;
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) return INVALID;
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return INVALID;
            i += need + 1;
        }
        return null;
    }

    private static final String INVALID = "message is not valid UTF-8";
}
