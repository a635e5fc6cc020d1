package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.RpcException;

/**
 * The opaque cursors of thread/turns/list and thread/items/list: {@code <scope>:<threadId>:<position>:<a|x>}.
 * The position is the history index's ordinal (stable while the thread grows), or {@code @<turnId>} /
 * {@code @<turnId>/<itemId>}: an entry named by id, resolved when the cursor is used (what resume and revert
 * hand out, so they need no index); {@code a} means the entry is included (a backwards cursor), {@code x} that
 * paging continues after it. A cursor names its thread and scope, so one made for another thread or list is
 * refused.
 */
record HistoryCursor(String scope, String threadId, long position, boolean inclusive, String turnId, String itemId) {
    HistoryCursor(String scope, String threadId, long position, boolean inclusive) {
        this(scope, threadId, position, inclusive, null, null);
    }

    /** True when the entry is named by id and must be resolved to a position first. */
    boolean byId() { return turnId != null; }

    HistoryCursor at(long resolved) { return new HistoryCursor(scope, threadId, resolved, inclusive); }

    /** A backwards cursor naming turn {@code turnId} (or its item {@code itemId}) by id. */
    static String named(String scope, String threadId, String turnId, String itemId) {
        return scope + ":" + threadId + ":@" + turnId + (itemId == null ? "" : "/" + itemId) + ":a";
    }
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
        String prefix = scope + ":" + threadId + ":@";
        if (s.startsWith(prefix) && s.endsWith(":a")) {
            String named = s.substring(prefix.length(), s.length() - 2);
            int slash = named.indexOf('/');
            if (scope.equals(TURNS) && slash < 0 && !named.isEmpty()) return new HistoryCursor(scope, threadId, -1, true, named, null);
            if (scope.equals(ITEMS) && slash > 0 && slash < named.length() - 1) {
                return new HistoryCursor(scope, threadId, -1, true, named.substring(0, slash), named.substring(slash + 1));
            }
        }
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
