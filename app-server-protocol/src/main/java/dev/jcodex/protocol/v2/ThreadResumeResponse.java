package dev.jcodex.protocol.v2;

import java.util.List;

/**
 * thread/resume: thread/start's answer plus two cursors for hydrating a thread resumed with
 * {@code excludeTurns}: pass {@code turnsBackwardsCursor} to thread/turns/list and {@code itemsBackwardsCursor}
 * to thread/items/list with sortDirection desc; the first page includes the entry the cursor names. Null when
 * the thread has no turn (no item). {@code disabledPluginIds} and {@code instructionSources} as in
 * ThreadStartResponse.
 */
public record ThreadResumeResponse(Thread thread, String model, String modelProvider, String serviceTier,
                                   List<String> disabledPluginIds, String cwd, List<String> instructionSources,
                                   AskForApproval approvalPolicy, String approvalsReviewer, SandboxPolicy sandbox,
                                   String reasoningEffort, String turnsBackwardsCursor, String itemsBackwardsCursor) {}
