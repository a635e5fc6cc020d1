package dev.jcodex.protocol.serverrequest;

import dev.jcodex.protocol.v2.CommandAction;
import java.util.List;

/**
 * Asks the client whether a command may run; {@code reason} is the model's justification, if any.
 * {@code availableDecisions}: the answers this request accepts ("accept", "acceptForSession", "decline",
 * "cancel"); {@code environmentId} is "local" (commands run on the daemon's machine).
 */
public record CommandExecutionRequestApprovalParams(String threadId, String turnId, String itemId, String kind,
                                                    Long startedAtMs, String reason, String command, String cwd,
                                                    List<CommandAction> commandActions, String approvalId,
                                                    String environmentId, List<Object> availableDecisions) {}
