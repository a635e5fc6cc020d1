package dev.jcodex.protocol.serverrequest;

import dev.jcodex.protocol.v2.CommandAction;
import java.util.List;

/** Asks the client whether a command may run; {@code reason} is the model's justification, if any. */
public record CommandExecutionRequestApprovalParams(String threadId, String turnId, String itemId, String kind,
                                                    Long startedAtMs, String reason, String command, String cwd,
                                                    List<CommandAction> commandActions, String approvalId) {}
