package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Reply;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.PendingTurn;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.tools.CoreTools;
import dev.jcodex.core.tools.exec.UserShellCommand;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.EmptyResponse;
import dev.jcodex.protocol.v2.ThreadShellCommandParams;

/**
 * thread/shellCommand: the user's own command (see {@link UserShellCommand}), as a turn of its own when the
 * thread is idle or as part of the running turn. A review or another command in progress refuses it.
 */
public final class ShellCommandHandler {
    private final ThreadManager threads;
    private final CoreTools tools;

    public ShellCommandHandler(ThreadManager threads, CoreTools tools) {
        this.threads = threads;
        this.tools = tools;
    }

    public void register(Dispatcher d) { d.on(ClientRequests.THREAD_SHELL_COMMAND, this::run); }

    Reply run(JsonRpcConnection conn, ThreadShellCommandParams p) {
        AgentThread t = threads.get(p.threadId());
        if (t == null) throw RpcException.invalidRequest("thread not loaded: " + p.threadId());
        if (p.command().isBlank()) {
            throw RpcException.invalidParams("Invalid params for thread/shellCommand: `command` must not be empty");
        }
        conn.session().subscribe(t.id());
        // While a regular turn runs, the command joins it (its result reaches the model before the turn's
        // next request); otherwise it is a turn of its own.
        var attachment = t.attachToActiveTurn();
        if (attachment != null) {
            UserShellCommand cmd = new UserShellCommand(tools.state(t), p.command(), attachment);
            return Reply.then(EmptyResponse.INSTANCE, () -> Thread.ofVirtual().name("user-shell").start(cmd::runAttached));
        }
        PendingTurn pending;
        try {
            pending = t.prepareTask("!" + p.command().strip(), new UserShellCommand(tools.state(t), p.command()));
        } catch (IllegalStateException e) {
            throw RpcException.invalidRequest("thread/shellCommand: " + e.getMessage());
        }
        return Reply.then(EmptyResponse.INSTANCE, pending::launch);
    }
}
