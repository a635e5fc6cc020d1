package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.RpcException;
import java.nio.file.Path;
import java.util.List;

/**
 * The answer of a Codex method whose feature jcodex does not have and that cannot be answered truthfully with an
 * empty result (a mutation, or a read of one named thing): -32600, naming the method and the feature. Never a
 * fake success.
 */
final class AbsentFeature {
    private AbsentFeature() {}

    static RpcException error(String method, String feature) {
        return RpcException.invalidRequest(method + ": the feature '" + feature + "' does not exist in jcodex");
    }

    /** A list read over something jcodex has none of has one page, the first: any cursor is not one it issued. */
    static void noCursor(String method, String cursor) {
        if (cursor != null) throw RpcException.invalidParams(method + ": invalid `cursor` `" + cursor + "` (there are no pages)");
    }

    static void nonNegative(String method, String field, Integer value) {
        if (value != null && value < 0) throw RpcException.invalidParams(method + ": `" + field + "` must be >= 0");
    }

    static void absolute(String method, String field, List<String> paths) {
        if (paths == null) return;
        for (String p : paths) {
            if (!Path.of(p).isAbsolute()) throw RpcException.invalidParams(method + ": `" + field + "` must hold absolute paths: " + p);
        }
    }
}
