package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.model.TokenUsage;
import dev.jcodex.core.thread.TurnRecord;
import java.util.List;

/**
 * A thread as read back from its rollout: the listing summary, its turns (for clients), the model history
 * (to re-send on the next turn) and the settings of its last turn. {@code approvalPolicy} and
 * {@code sandboxMode} use config spellings (on-request, workspace-write); null when the rollout has none.
 * {@code reasoningEffort} is the last turn's effort (null: that turn used the config's default).
 * {@code historyStarts}: per turn id, the size of the model history when that turn began (-1 when a compaction
 * replaced it since), so a revert can cut the history back.
 */
public record SavedThread(ThreadSummary summary, List<TurnRecord> turns, List<ObjectNode> history, TokenUsage usage,
                          String approvalPolicy, String sandboxMode, String reasoningEffort,
                          java.util.Map<String, Integer> historyStarts) {}
