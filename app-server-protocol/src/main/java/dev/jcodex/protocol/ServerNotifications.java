package dev.jcodex.protocol;

import dev.jcodex.protocol.notification.*;
import java.util.LinkedHashMap;
import java.util.Map;

/** Method name of every server → client notification, keyed by its params type. */
public final class ServerNotifications {
    private ServerNotifications() {}

    private static final Map<Class<? extends ServerNotification>, String> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put(ErrorNotification.class, "error");
        METHODS.put(WarningNotification.class, "warning");
        METHODS.put(ConfigWarningNotification.class, "configWarning");
        METHODS.put(AccountRateLimitsUpdatedNotification.class, "account/rateLimits/updated");
        METHODS.put(AccountLoginCompletedNotification.class, "account/login/completed");
        METHODS.put(AccountUpdatedNotification.class, "account/updated");
        METHODS.put(ThreadStartedNotification.class, "thread/started");
        METHODS.put(ThreadStatusChangedNotification.class, "thread/status/changed");
        METHODS.put(ThreadTokenUsageUpdatedNotification.class, "thread/tokenUsage/updated");
        METHODS.put(TurnStartedNotification.class, "turn/started");
        METHODS.put(TurnCompletedNotification.class, "turn/completed");
        METHODS.put(TurnDiffUpdatedNotification.class, "turn/diff/updated");
        METHODS.put(TurnPlanUpdatedNotification.class, "turn/plan/updated");
        METHODS.put(ItemStartedNotification.class, "item/started");
        METHODS.put(ItemCompletedNotification.class, "item/completed");
        METHODS.put(AgentMessageDeltaNotification.class, "item/agentMessage/delta");
        METHODS.put(ReasoningSummaryTextDeltaNotification.class, "item/reasoning/summaryTextDelta");
        METHODS.put(ReasoningSummaryPartAddedNotification.class, "item/reasoning/summaryPartAdded");
        METHODS.put(ReasoningTextDeltaNotification.class, "item/reasoning/textDelta");
        METHODS.put(CommandExecutionOutputDeltaNotification.class, "item/commandExecution/outputDelta");
        METHODS.put(FileChangeOutputDeltaNotification.class, "item/fileChange/outputDelta");
        METHODS.put(ServerRequestResolvedNotification.class, "serverRequest/resolved");
        METHODS.put(CommandExecOutputDeltaNotification.class, "command/exec/outputDelta");
        METHODS.put(FsChangedNotification.class, "fs/changed");
        METHODS.put(ThreadArchivedNotification.class, "thread/archived");
        METHODS.put(ThreadUnarchivedNotification.class, "thread/unarchived");
        METHODS.put(ThreadClosedNotification.class, "thread/closed");
        METHODS.put(ThreadNameUpdatedNotification.class, "thread/name/updated");
        METHODS.put(McpServerStatusUpdatedNotification.class, "mcpServer/startupStatus/updated");
        METHODS.put(McpToolCallProgressNotification.class, "item/mcpToolCall/progress");
        METHODS.put(ThreadDeletedNotification.class, "thread/deleted");
        METHODS.put(ThreadRevertedNotification.class, "thread/reverted");
        METHODS.put(DeprecationNoticeNotification.class, "deprecationNotice");
        METHODS.put(ThreadSettingsUpdatedNotification.class, "thread/settings/updated");
        METHODS.put(ThreadReadStateChangedNotification.class, "thread/readState/changed");
        METHODS.put(ThreadGoalClearedNotification.class, "thread/goal/cleared");
    }

    /** The wire method of a notification's params type. */
    public static String methodOf(Class<? extends ServerNotification> type) {
        String m = METHODS.get(type);
        if (m == null) throw new IllegalArgumentException("no method registered for " + type.getName());
        return m;
    }

    public static Map<Class<? extends ServerNotification>, String> all() {
        return java.util.Collections.unmodifiableMap(METHODS);
    }
}
