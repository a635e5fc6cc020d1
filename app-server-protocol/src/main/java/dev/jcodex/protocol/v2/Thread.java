package dev.jcodex.protocol.v2;

import java.util.List;

/**
 * A conversation as clients see it. Times are unix seconds. {@code path} is the rollout file (null when
 * ephemeral); {@code turns} is filled only where a method says so (resume, read with includeTurns).
 * {@code section}, {@code sectionEnteredAt} and {@code projectId} are desktop sidebar features jcodex does not
 * have: always null. {@code recencyAt} is the last activity (what recency ordering uses), as updatedAt.
 */
public record Thread(
        String id,
        String sessionId,
        String forkedFromId,
        String parentThreadId,
        String preview,
        boolean ephemeral,
        Object section,
        Long sectionEnteredAt,
        String projectId,
        ThreadHistoryMode historyMode,
        String modelProvider,
        String model,
        String reasoningEffort,
        long createdAt,
        long updatedAt,
        Long recencyAt,
        ThreadStatus status,
        String path,
        String cwd,
        String cliVersion,
        String originator,
        String source,
        String threadSource,
        String agentNickname,
        String agentRole,
        GitInfo gitInfo,
        String name,
        List<Turn> turns) {}
