package dev.jcodex.protocol.v2;

import java.util.Map;

/** All fields optional; {@code config} holds dotted-key overrides applied on top of the loaded config. */
public record ThreadStartParams(String model, String modelProvider, String serviceTier, String cwd,
                                AskForApproval approvalPolicy, String approvalsReviewer, SandboxMode sandbox,
                                Map<String, Object> config, String baseInstructions, String developerInstructions,
                                String personality, Boolean ephemeral, String serviceName) {}
