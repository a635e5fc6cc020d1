package dev.jcodex.core.persist;

/**
 * What listing needs about a saved thread: one row of the index. Times are epoch milliseconds;
 * {@code rolloutSize}/{@code rolloutMtimeMs} tell whether the row is behind its rollout. {@code historyMode} is
 * {@link #LEGACY} or {@link #PAGINATED}; the git fields are null when unknown; {@code threadSource} is the client's analytics label (null when none).
 */
public record ThreadSummary(String id, String path, long createdAtMs, long updatedAtMs, String cwd, String model,
                            String modelProvider, String preview, String name, boolean archived, String source,
                            String originator, String cliVersion, String forkedFromId, long tokensUsed,
                            long rolloutSize, long rolloutMtimeMs, String historyMode, String gitSha, String gitBranch,
                            String gitOriginUrl, String threadSource) {

    public static final String LEGACY = "legacy";
    public static final String PAGINATED = "paginated";

    ThreadSummary withFile(String newPath, boolean nowArchived, long size, long mtimeMs) {
        return new ThreadSummary(id, newPath, createdAtMs, updatedAtMs, cwd, model, modelProvider, preview, name,
                nowArchived, source, originator, cliVersion, forkedFromId, tokensUsed, size, mtimeMs, historyMode, gitSha,
                gitBranch, gitOriginUrl, threadSource);
    }
}
