package dev.jcodex.core.tools;

import dev.jcodex.core.approval.SessionApprovals;
import dev.jcodex.core.tools.exec.ExecSessions;
import dev.jcodex.core.tools.patch.TurnDiffTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the tools keep for one thread across its turns: session approvals, live commands, turn diffs, grants. */
public final class ThreadToolState {
    private final SessionApprovals approvals = new SessionApprovals();
    private final ExecSessions sessions = new ExecSessions();
    private final Map<String, TurnDiffTracker> diffs = new ConcurrentHashMap<>();
    private final dev.jcodex.core.tools.permissions.PermissionGrants grants = new dev.jcodex.core.tools.permissions.PermissionGrants();

    public SessionApprovals approvals() { return approvals; }

    /** What request_permissions granted (the exec sandbox is widened by it). */
    public dev.jcodex.core.tools.permissions.PermissionGrants grants() { return grants; }
    public ExecSessions sessions() { return sessions; }

    /** The tracker of {@code turnId} if a patch of that turn made one. */
    public TurnDiffTracker existingDiff(String turnId) { return diffs.get(turnId); }

    /** The tracker of {@code turnId}; trackers of earlier turns are dropped (a turn's diff is its own). */
    public synchronized TurnDiffTracker diff(String turnId) {
        TurnDiffTracker t = diffs.get(turnId);
        if (t == null) {
            diffs.clear();
            t = new TurnDiffTracker();
            diffs.put(turnId, t);
        }
        return t;
    }
}
