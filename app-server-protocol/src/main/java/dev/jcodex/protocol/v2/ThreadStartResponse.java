package dev.jcodex.protocol.v2;

/** Shared by thread/start, thread/resume and thread/fork. */
public record ThreadStartResponse(Thread thread, String model, String modelProvider, String serviceTier, String cwd,
                                  AskForApproval approvalPolicy, String approvalsReviewer, SandboxPolicy sandbox,
                                  String reasoningEffort) {}
