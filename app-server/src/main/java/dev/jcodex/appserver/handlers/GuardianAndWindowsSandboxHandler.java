package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.protocol.ClientRequests;

/**
 * Two platform features of Codex jcodex lacks (tier C): the guardian (auto-approval review, whose denials a user
 * may override) and the Windows sandbox (jcodex confines commands with its Linux sandbox only). Each is -32600
 * naming the feature; windowsSandbox/readiness has no "unsupported" status to answer truthfully with.
 */
public final class GuardianAndWindowsSandboxHandler {
    public void register(Dispatcher d) {
        d.on(ClientRequests.THREAD_APPROVE_GUARDIAN_DENIED_ACTION, (c, p) -> {
            throw AbsentFeature.error("thread/approveGuardianDeniedAction", "guardian (auto-approval review)");
        });
        d.on(ClientRequests.WINDOWS_SANDBOX_READINESS, (c, p) -> {
            throw AbsentFeature.error("windowsSandbox/readiness", "Windows sandbox");
        });
        d.on(ClientRequests.WINDOWS_SANDBOX_SETUP_START, (c, p) -> {
            throw AbsentFeature.error("windowsSandbox/setupStart", "Windows sandbox");
        });
    }
}
