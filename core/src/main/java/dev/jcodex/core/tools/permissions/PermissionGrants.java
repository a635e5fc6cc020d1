package dev.jcodex.core.tools.permissions;

import dev.jcodex.core.thread.SandboxSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions granted in one thread: for the session, and for the current turn only (dropped when another
 * turn asks). exec_command runs under the thread's sandbox widened by them.
 */
public final class PermissionGrants {
    private final Set<String> sessionWrite = new LinkedHashSet<>();
    private boolean sessionNetwork;
    private String turnId;
    private final Set<String> turnWrite = new LinkedHashSet<>();
    private boolean turnNetwork;

    public synchronized void add(String turnId, PermissionGrant g) {
        if (g.session()) {
            sessionWrite.addAll(g.write());
            sessionNetwork |= g.network();
            return;
        }
        if (!turnId.equals(this.turnId)) {
            this.turnId = turnId;
            turnWrite.clear();
            turnNetwork = false;
        }
        turnWrite.addAll(g.write());
        turnNetwork |= g.network();
    }

    /**
     * {@code s} with the granted writable roots and network added. Only a workspace-write sandbox has
     * writable roots to add to; a read-only one gains network access only (see {@link #applicable}).
     */
    public synchronized SandboxSettings widen(SandboxSettings s, String currentTurn) {
        boolean thisTurn = currentTurn.equals(turnId);
        boolean network = sessionNetwork || (thisTurn && turnNetwork);
        List<String> extra = new ArrayList<>(sessionWrite);
        if (thisTurn) extra.addAll(turnWrite);
        if (extra.isEmpty() && !network) return s;
        return switch (s.type()) {
            case "workspaceWrite" -> {
                Set<String> roots = new LinkedHashSet<>(s.writableRoots());
                roots.addAll(extra);
                yield new SandboxSettings(s.type(), List.copyOf(roots), s.networkAccess() || network,
                        s.excludeTmpdirEnvVar(), s.excludeSlashTmp());
            }
            case "readOnly" -> new SandboxSettings(s.type(), s.writableRoots(), s.networkAccess() || network,
                    s.excludeTmpdirEnvVar(), s.excludeSlashTmp());
            default -> s; // full access or an external sandbox: nothing to widen
        };
    }

    /** The part of {@code g} the sandbox {@code s} can apply: writes need workspace-write. */
    public static PermissionGrant applicable(PermissionGrant g, SandboxSettings s) {
        boolean writes = "workspaceWrite".equals(s.type());
        return new PermissionGrant(g.read(), writes ? g.write() : List.of(), g.network(), g.session());
    }
}
