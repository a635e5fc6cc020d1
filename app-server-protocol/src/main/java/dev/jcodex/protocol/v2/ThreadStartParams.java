package dev.jcodex.protocol.v2;

import java.util.Map;

/**
 * All fields optional; {@code config} holds dotted-key overrides applied on top of the loaded config.
 * {@code historyMode}: the thread's history contract (default paginated, as Codex 0.171).
 */
public record ThreadStartParams(String model, String modelProvider, String serviceTier, String cwd,
                                AskForApproval approvalPolicy, String approvalsReviewer, SandboxMode sandbox,
                                Map<String, Object> config, String baseInstructions, String developerInstructions,
                                String personality, Boolean ephemeral, String serviceName,
                                ThreadHistoryMode historyMode, String sessionStartSource, String threadSource) {}
