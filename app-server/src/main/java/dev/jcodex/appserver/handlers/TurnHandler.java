package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.events.WireItems;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Reply;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.PendingTurn;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.thread.TurnOverrides;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.EmptyResponse;
import dev.jcodex.protocol.v2.TurnInterruptParams;
import dev.jcodex.protocol.v2.TurnStartParams;
import dev.jcodex.protocol.v2.TurnStartResponse;
import dev.jcodex.protocol.v2.TurnSteerParams;
import dev.jcodex.protocol.v2.TurnSteerResponse;
import java.nio.file.Path;

/** turn/* methods: starting and stopping turns. */
public final class TurnHandler {
    private final ThreadManager threads;

    public TurnHandler(ThreadManager threads) { this.threads = threads; }

    public void register(Dispatcher d) {
        d.on(ClientRequests.TURN_START, this::start);
        d.on(ClientRequests.TURN_INTERRUPT, this::interrupt);
        d.on(ClientRequests.TURN_STEER, this::steer);
        d.on(ClientRequests.THREAD_COMPACT_START, this::compact);
    }

    /** thread/compact/start: answers {} and then runs a turn holding just the contextCompaction item. */
    Reply compact(JsonRpcConnection conn, dev.jcodex.protocol.v2.ThreadIdParams p) {
        AgentThread t = loaded(p.threadId());
        PendingTurn pending;
        try {
            pending = t.prepareCompaction();
        } catch (IllegalStateException e) {
            throw RpcException.invalidRequest(e.getMessage());
        }
        conn.session().subscribe(t.id());
        return Reply.then(EmptyResponse.INSTANCE, pending::launch);
    }

    TurnSteerResponse steer(JsonRpcConnection conn, TurnSteerParams p) {
        AgentThread t = loaded(p.threadId());
        if (p.input().isEmpty()) throw RpcException.invalidParams("Invalid params for turn/steer: `input` must not be empty");
        try {
            return new TurnSteerResponse(t.steer(p.expectedTurnId(), WireItems.fromWireInput(p.input())));
        } catch (dev.jcodex.core.thread.TurnNotSteerableException e) {
            // Codex clients recognise this refusal by codexErrorInfo (they queue the input for later).
            java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("message", e.getMessage());
            data.put("codexErrorInfo", java.util.Map.of("activeTurnNotSteerable", java.util.Map.of("turnKind", e.turnKind())));
            data.put("additionalDetails", null);
            throw new RpcException(dev.jcodex.appserver.rpc.ErrorCodes.INVALID_REQUEST, e.getMessage(), data);
        } catch (IllegalStateException e) {
            throw RpcException.invalidRequest(e.getMessage());
        }
    }

    Reply start(JsonRpcConnection conn, TurnStartParams p) {
        AgentThread t = loaded(p.threadId());
        if (p.input().isEmpty()) throw RpcException.invalidParams("Invalid params for turn/start: `input` must not be empty");
        if (p.cwd() != null && !Path.of(p.cwd()).isAbsolute()) {
            throw RpcException.invalidParams("Invalid params for turn/start: `cwd` must be an absolute path");
        }
        var mode = p.collaborationMode();
        if (mode != null && !"plan".equals(mode.mode()) && !"default".equals(mode.mode())) {
            throw RpcException.invalidParams("Invalid params for turn/start: `collaborationMode.mode` must be "
                    + "\"plan\" or \"default\", not `" + mode.mode() + "`");
        }
        // A collaboration mode's settings take precedence over the turn's model and effort, as in Codex.
        String model = mode != null && mode.settings() != null && mode.settings().model() != null ? mode.settings().model() : p.model();
        String effort = mode != null && mode.settings() != null && mode.settings().reasoningEffort() != null
                ? mode.settings().reasoningEffort() : p.effort();
        TurnOverrides o = new TurnOverrides(model, p.cwd(), ThreadView.approval(p.approvalPolicy()),
                p.sandboxPolicy() == null ? null : ThreadView.sandbox(p.sandboxPolicy()), effort, p.summary(),
                p.outputSchema());
        PendingTurn pending = t.prepareTurn(WireItems.fromWireInput(p.input()), o);
        if (mode != null) t.setCollaborationMode(mode.mode());
        conn.session().subscribe(t.id());
        return Reply.then(new TurnStartResponse(ThreadView.turn(pending.info())), pending::launch);
    }

    /** Validates, answers {}, and only then stops the turn, so the reply precedes its turn/completed. */
    Reply interrupt(JsonRpcConnection conn, TurnInterruptParams p) {
        AgentThread t = loaded(p.threadId());
        var active = t.activeTurn();
        if (active == null || !active.turnId().equals(p.turnId())) {
            throw RpcException.invalidRequest(active == null ? "no active turn to interrupt on thread " + p.threadId()
                    : "expected active turn id `" + p.turnId() + "` but found `" + active.turnId() + "`");
        }
        return Reply.then(EmptyResponse.INSTANCE, () -> t.interrupt(p.turnId()));
    }

    private AgentThread loaded(String threadId) {
        AgentThread t = threads.get(threadId);
        if (t == null) throw RpcException.invalidRequest("thread not loaded: " + threadId);
        return t;
    }
}
