package dev.jcodex.appserver.events;

import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.SandboxSettings;
import dev.jcodex.core.thread.ThreadMetadata;
import dev.jcodex.core.thread.ThreadSettings;
import dev.jcodex.core.thread.TurnRecord;
import dev.jcodex.protocol.v2.AskForApproval;
import dev.jcodex.protocol.v2.GitInfo;
import dev.jcodex.protocol.v2.ThreadHistoryMode;
import dev.jcodex.protocol.v2.ThreadReadState;
import dev.jcodex.protocol.v2.ThreadSettingsView;
import dev.jcodex.protocol.v2.ThreadUnreadPosition;
import dev.jcodex.protocol.v2.TurnItemsView;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.jcodex.protocol.v2.CodexErrorInfo;
import dev.jcodex.protocol.v2.SandboxPolicy;
import dev.jcodex.protocol.v2.Thread;
import dev.jcodex.protocol.v2.ThreadItem;
import dev.jcodex.protocol.v2.ThreadStatus;
import dev.jcodex.protocol.v2.Turn;
import dev.jcodex.protocol.v2.TurnError;
import dev.jcodex.protocol.v2.TurnStatus;
import java.util.ArrayList;
import java.util.List;

/** Engine threads, turns and settings → their wire shapes. */
public final class ThreadView {
    /** The Codex version whose protocol jcodex speaks (clients check it). */
    public static final String PROTOCOL_VERSION = "0.171.0";

    private ThreadView() {}

    public static Thread thread(AgentThread t, boolean withTurns) {
        ThreadMetadata m = t.metadata();
        ThreadSettings s = t.settings();
        List<Turn> turns = new ArrayList<>();
        if (withTurns) for (TurnRecord r : t.turns()) turns.add(turn(r));
        return new Thread(m.id(), m.id(), m.forkedFromId(), null, m.preview(), m.ephemeral(), null, null, null,
                historyMode(m.historyMode()), s.modelProvider(), s.model(), s.reasoningEffort(), m.createdAt(), m.updatedAt(),
                m.updatedAt(), status(t.state()), m.path(), s.cwd(), PROTOCOL_VERSION, m.originator(), m.source(),
                m.threadSource(), null, null, gitInfo(m.gitInfo()), m.name(), turns);
    }

    public static ThreadHistoryMode historyMode(String mode) {
        return "paginated".equals(mode) ? ThreadHistoryMode.PAGINATED : ThreadHistoryMode.LEGACY;
    }

    public static GitInfo gitInfo(String[] g) {
        return g == null ? null : new GitInfo(g[0], g[1], g[2]);
    }

    /** The settings later turns of {@code t} use, as thread/settings/updated carries them. */
    public static ThreadSettingsView settings(AgentThread t) {
        ThreadSettings s = t.settings();
        Map<String, Object> modeSettings = new LinkedHashMap<>();
        modeSettings.put("developer_instructions", s.developerInstructions());
        modeSettings.put("model", s.model());
        modeSettings.put("reasoning_effort", s.reasoningEffort());
        Map<String, Object> mode = new LinkedHashMap<>();
        mode.put("mode", "default");
        mode.put("settings", modeSettings);
        return new ThreadSettingsView(List.of(), s.cwd(), null, approval(s.approvalPolicy()), "user", sandbox(s.sandbox()),
                null, s.model(), s.modelProvider(), null, s.reasoningEffort(), s.reasoningSummary(), mode,
                "explicitRequestOnly", null);
    }

    /** A read state as the wire carries it. */
    public static ThreadReadState readState(dev.jcodex.core.event.Event.ReadStateChanged r) {
        return new ThreadReadState(r.firstUnreadTurnId() == null ? null : new ThreadUnreadPosition.AtTurn(r.firstUnreadTurnId()),
                r.revision());
    }

    public static ThreadStatus status(ThreadState s) {
        return switch (s.kind()) {
            case IDLE -> ThreadStatus.IDLE;
            case NOT_LOADED -> ThreadStatus.NOT_LOADED;
            case SYSTEM_ERROR -> ThreadStatus.SYSTEM_ERROR;
            case ACTIVE -> new ThreadStatus.Active(s.flags());
        };
    }

    /** A turn with all its items. */
    public static Turn turn(TurnRecord r) { return turn(r, TurnItemsView.FULL); }

    /** A turn whose items are what {@code view} says (the caller chose them). */
    public static Turn turn(TurnRecord r, TurnItemsView view) {
        List<ThreadItem> items = new ArrayList<>();
        for (Item i : r.items()) items.add(WireItems.toWire(i));
        TurnInfo end = r.end();
        if (end == null) return new Turn(r.id(), r.id(), items, view, TurnStatus.IN_PROGRESS, null, null, null, null);
        return new Turn(r.id(), r.id(), items, view, turnStatus(end.status()), error(end.error()), end.startedAt(),
                end.completedAt(), end.durationMs());
    }

    /**
     * A turn as its start and end announce it: no items while it runs, its summary (the last agent message)
     * once it ended, as Codex's.
     */
    public static Turn turn(TurnInfo info) {
        List<ThreadItem> items = new ArrayList<>();
        for (Item i : info.items()) items.add(WireItems.toWire(i));
        TurnItemsView view = info.status() == dev.jcodex.core.event.TurnStatus.IN_PROGRESS ? TurnItemsView.NOT_LOADED
                : TurnItemsView.SUMMARY;
        return new Turn(info.id(), info.id(), items, view, turnStatus(info.status()), error(info.error()), info.startedAt(),
                info.completedAt(), info.durationMs());
    }

    public static TurnStatus turnStatus(dev.jcodex.core.event.TurnStatus s) {
        return switch (s) {
            case IN_PROGRESS -> TurnStatus.IN_PROGRESS;
            case COMPLETED -> TurnStatus.COMPLETED;
            case INTERRUPTED -> TurnStatus.INTERRUPTED;
            case FAILED -> TurnStatus.FAILED;
        };
    }

    public static TurnError error(dev.jcodex.core.event.TurnFailure f) {
        if (f == null) return null;
        CodexErrorInfo info = switch (f.kind() == null ? "other" : f.kind()) {
            case "responseStreamDisconnected", "httpConnectionFailed", "responseStreamConnectionFailed",
                 "responseTooManyFailedAttempts" -> CodexErrorInfo.withHttpStatus(f.kind(), f.httpStatus());
            default -> CodexErrorInfo.of(f.kind() == null ? "other" : f.kind());
        };
        return new TurnError(f.message(), info, f.details());
    }

    public static SandboxPolicy sandbox(SandboxSettings s) {
        return switch (s.type()) {
            case "workspaceWrite" -> new SandboxPolicy.WorkspaceWrite(s.writableRoots(), s.networkAccess(),
                    s.excludeTmpdirEnvVar(), s.excludeSlashTmp());
            case "dangerFullAccess" -> new SandboxPolicy.DangerFullAccess();
            case "externalSandbox" -> new SandboxPolicy.ExternalSandbox(s.networkAccess() ? "enabled" : "restricted");
            default -> new SandboxPolicy.ReadOnly(s.networkAccess());
        };
    }

    public static SandboxSettings sandbox(SandboxPolicy p) {
        return switch (p) {
            case SandboxPolicy.ReadOnly r -> new SandboxSettings("readOnly", List.of(), r.networkAccess(), false, false);
            case SandboxPolicy.WorkspaceWrite w -> new SandboxSettings("workspaceWrite",
                    w.writableRoots() == null ? List.of() : w.writableRoots(), w.networkAccess(), w.excludeTmpdirEnvVar(),
                    w.excludeSlashTmp());
            case SandboxPolicy.DangerFullAccess d -> new SandboxSettings("dangerFullAccess", List.of(), true, false, false);
            case SandboxPolicy.ExternalSandbox e -> new SandboxSettings("externalSandbox", List.of(),
                    "enabled".equals(e.networkAccess()), false, false);
        };
    }

    public static AskForApproval approval(String policy) {
        return switch (policy == null ? "on-request" : policy) {
            case "untrusted" -> AskForApproval.UNTRUSTED;
            case "on-failure" -> AskForApproval.ON_FAILURE;
            case "never" -> AskForApproval.NEVER;
            default -> AskForApproval.ON_REQUEST;
        };
    }

    public static String approval(AskForApproval a) {
        if (a == null) return null;
        return switch (a) {
            case UNTRUSTED -> "untrusted";
            case ON_FAILURE -> "on-failure";
            case ON_REQUEST -> "on-request";
            case NEVER -> "never";
        };
    }
}
