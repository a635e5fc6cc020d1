package dev.jcodex.core.approval;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the user approved "for the session" on one thread: exact command vectors, and paths a patch may
 * touch again without asking.
 */
public final class SessionApprovals {
    private final Set<List<String>> commands = ConcurrentHashMap.newKeySet();
    private final Set<Path> paths = ConcurrentHashMap.newKeySet();

    public void approveCommand(List<String> argv) { commands.add(List.copyOf(argv)); }

    public boolean commandApproved(List<String> argv) { return commands.contains(argv); }

    public void approvePaths(Collection<Path> p) { paths.addAll(p); }

    public boolean pathsApproved(Collection<Path> p) { return !p.isEmpty() && paths.containsAll(p); }
}
