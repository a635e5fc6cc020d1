package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.RpcException;

/**
 * The opaque cursors of thread/turns/list and thread/items/list: {@code <scope>:<threadId>:<position>:<a|x>}.
 * The position is the history index's ordinal (stable while the thread grows); {@code a} means the entry at
 * the position is included (a backwards cursor), {@code x} that paging continues after it. A cursor names its
 * thread and scope, so one made for another thread or list is refused.
 */
record HistoryCursor(String scope, String threadId, long position, boolean inclusive) {
    static final String TURNS = "turns";
    static final String ITEMS = "items";

    String encode() { return scope + ":" + threadId + ":" + position + ":" + (inclusive ? "a" : "x"); }

    static String after(String scope, String threadId, long position) {
        return new HistoryCursor(scope, threadId, position, false).encode();
    }

    static String at(String scope, String threadId, long position) {
        return new HistoryCursor(scope, threadId, position, true).encode();
    }

    /** Parses {@code s}; -32602 naming {@code method}'s cursor field when it is not a cursor of this scope and thread. */
    static HistoryCursor parse(String method, String s, String scope, String threadId) {
        String[] p = s.split(":", -1);
        if (p.length == 4 && p[0].equals(scope) && p[1].equals(threadId) && (p[3].equals("a") || p[3].equals("x"))) {
            try {
                long pos = Long.parseLong(p[2]);
                if (pos >= 0) return new HistoryCursor(scope, threadId, pos, p[3].equals("a"));
            } catch (NumberFormatException ignored) {
                // falls through to the error
            }
        }
        throw RpcException.invalidParams("Invalid params for " + method + ": `cursor`: invalid cursor: " + s);
    }
}
