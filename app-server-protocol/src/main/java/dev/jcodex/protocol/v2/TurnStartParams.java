package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Overrides (cwd, policies, model, effort, summary, collaborationMode) become the thread's defaults for later turns. */
public record TurnStartParams(@JsonProperty(required = true) String threadId,
                              @JsonProperty(required = true) List<UserInput> input,
                              String cwd, AskForApproval approvalPolicy, String approvalsReviewer,
                              SandboxPolicy sandboxPolicy, String model, String serviceTier, String effort,
                              String summary, String personality, Object outputSchema, String clientUserMessageId,
                              CollaborationMode collaborationMode) {}
