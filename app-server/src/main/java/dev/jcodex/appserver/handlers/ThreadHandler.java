package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Reply;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.StartOptions;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.thread.ThreadSettings;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.SandboxMode;
import dev.jcodex.protocol.v2.ThreadHistoryMode;
import dev.jcodex.protocol.v2.ThreadStartParams;
import dev.jcodex.protocol.v2.ThreadStartResponse;
import java.util.List;

/** thread/* methods: the lifecycle of conversations. */
public final class ThreadHandler {
    private final ThreadManager threads;

    public ThreadHandler(ThreadManager threads) { this.threads = threads; }

    public void register(Dispatcher d) { d.on(ClientRequests.THREAD_START, this::start); }

    Reply start(JsonRpcConnection conn, ThreadStartParams p) {
        AgentThread t = threads.start(new StartOptions(p.model(), p.modelProvider(), p.cwd(),
                ThreadView.approval(p.approvalPolicy()), sandboxMode(p.sandbox()), p.config(), p.baseInstructions(),
                p.developerInstructions(), Boolean.TRUE.equals(p.ephemeral()), conn.session().originator(),
                conn.session().threadSource(), null));
        // Before anyone sees the thread or its rollout exists (the first turn writes session_meta with it).
        t.metadata().setHistoryMode(p.historyMode() == ThreadHistoryMode.LEGACY ? "legacy" : "paginated");
        t.metadata().setThreadSource(p.threadSource());
        conn.session().subscribe(t.id());
        return Reply.then(response(threads, t, false), () -> threads.announceStarted(t));
    }

    /** The answer of thread/start, fork and (with its cursors) resume. */
    public static ThreadStartResponse response(ThreadManager threads, AgentThread t, boolean withTurns) {
        ThreadSettings s = t.settings();
        return new ThreadStartResponse(ThreadView.thread(t, withTurns), s.model(), s.modelProvider(), null, List.of(),
                s.cwd(), threads.instructionSources(t), ThreadView.approval(s.approvalPolicy()), "user",
                ThreadView.sandbox(s.sandbox()), s.reasoningEffort());
    }

    static String sandboxMode(SandboxMode m) {
        if (m == null) return null;
        return switch (m) {
            case READ_ONLY -> "read-only";
            case WORKSPACE_WRITE -> "workspace-write";
            case DANGER_FULL_ACCESS -> "danger-full-access";
        };
    }
}
