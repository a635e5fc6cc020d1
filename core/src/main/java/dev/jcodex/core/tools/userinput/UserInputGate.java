package dev.jcodex.core.tools.userinput;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where request_user_input questions go (the app-server asks its clients; core never sees JSON-RPC). The
 * future completes with the answers by question id, or null when nobody could answer. The engine cancels it
 * when it stops waiting (interrupt, end of turn); the implementation settles the request with its clients then.
 */
@FunctionalInterface
public interface UserInputGate {
    CompletableFuture<Map<String, List<String>>> request(UserInputRequest request);

    /** Nobody to ask (e.g. the MCP server mode): every request goes unanswered. */
    UserInputGate NOBODY = r -> CompletableFuture.completedFuture(null);
}
