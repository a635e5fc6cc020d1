package dev.jcodex.core.tools.exec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A thread's commands that outlived their exec_command call, by session id (for write_stdin). */
public final class ExecSessions {
    private final Map<Integer, ExecSession> live = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1);

    ExecSession add(Process p) {
        ExecSession s = new ExecSession(ids.getAndIncrement(), p);
        live.put(s.id(), s);
        return s;
    }

    ExecSession get(int id) { return live.get(id); }

    void remove(ExecSession s) { live.remove(s.id()); }

    /** Kills every live command (thread closed, daemon shutting down). */
    public void killAll() {
        for (ExecSession s : List.copyOf(live.values())) s.kill();
        live.clear();
    }
}
