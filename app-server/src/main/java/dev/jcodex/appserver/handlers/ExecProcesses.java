package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.JsonRpcConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command/exec processes of one connection, by client-chosen process id. They die with the connection:
 * a client that goes away cannot leave processes running.
 */
final class ExecProcesses {
    private final Map<String, RunningExec> byId = new ConcurrentHashMap<>();
    private volatile boolean closed;

    static ExecProcesses of(JsonRpcConnection conn) {
        return conn.attachment(ExecProcesses.class, c -> {
            ExecProcesses p = new ExecProcesses();
            c.onClose(p::killAll);
            return p;
        });
    }

    /** Reserves {@code id}; false if a process with that id is still running. */
    boolean reserve(String id, RunningExec exec) {
        if (closed) throw new IllegalStateException("connection closed");
        return byId.putIfAbsent(id, exec) == null;
    }

    RunningExec get(String id) { return byId.get(id); }

    void remove(String id, RunningExec exec) { byId.remove(id, exec); }

    int size() { return byId.size(); }

    private void killAll() {
        closed = true;
        for (RunningExec e : byId.values()) e.kill();
        byId.clear();
    }
}
