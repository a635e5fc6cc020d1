package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.GetAccountSecuritySetupResponse;
import dev.jcodex.protocol.v2.GetWorkspaceMessagesResponse;
import java.util.List;

/**
 * ChatGPT-account extras of Codex (tier C): gateway OAuth, security reminders, usage summaries, workspace
 * messages, rate-limit reset credits, add-credits emails. They live in OpenAI's ChatGPT backend, which jcodex
 * does not talk to: no security notice, the workspace-message feature off, everything else -32600 naming it.
 * (account/read, login, logout and rate limits are AccountHandler's.)
 */
public final class ChatgptAccountExtrasHandler {
    public void register(Dispatcher d) {
        d.on(ClientRequests.ACCOUNT_SECURITY_SETUP_READ, (c, p) -> new GetAccountSecuritySetupResponse(null));
        d.on(ClientRequests.ACCOUNT_WORKSPACE_MESSAGES_READ, (c, p) -> new GetWorkspaceMessagesResponse(false, List.of()));
        d.on(ClientRequests.ACCOUNT_GATEWAY_OAUTH_READ, (c, p) -> {
            throw AbsentFeature.error("account/gatewayOAuth/read", "gateway OAuth");
        });
        d.on(ClientRequests.ACCOUNT_GATEWAY_OAUTH_LOGIN, (c, p) -> {
            throw AbsentFeature.error("account/gatewayOAuth/login", "gateway OAuth");
        });
        d.on(ClientRequests.ACCOUNT_GATEWAY_OAUTH_CANCEL, (c, p) -> {
            throw AbsentFeature.error("account/gatewayOAuth/cancel", "gateway OAuth");
        });
        d.on(ClientRequests.ACCOUNT_USAGE_READ, (c, p) -> {
            throw AbsentFeature.error("account/usage/read", "ChatGPT account usage summary");
        });
        d.on(ClientRequests.ACCOUNT_RATE_LIMIT_RESET_CREDIT_CONSUME, (c, p) -> {
            throw AbsentFeature.error("account/rateLimitResetCredit/consume", "rate-limit reset credits");
        });
        d.on(ClientRequests.ACCOUNT_SEND_ADD_CREDITS_NUDGE_EMAIL, (c, p) -> {
            throw AbsentFeature.error("account/sendAddCreditsNudgeEmail", "ChatGPT credits emails");
        });
    }
}
