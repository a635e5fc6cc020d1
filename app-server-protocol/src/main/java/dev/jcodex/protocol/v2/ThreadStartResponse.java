package dev.jcodex.protocol.v2;

import java.util.List;

/**
 * Shared by thread/start and thread/fork. {@code disabledPluginIds} is always empty (jcodex has no plugins);
 * {@code instructionSources} lists the instruction files (AGENTS.md) the thread's model sees.
 */
public record ThreadStartResponse(Thread thread, String model, String modelProvider, String serviceTier,
                                  List<String> disabledPluginIds, String cwd, List<String> instructionSources,
                                  AskForApproval approvalPolicy, String approvalsReviewer, SandboxPolicy sandbox,
                                  String reasoningEffort) {}
