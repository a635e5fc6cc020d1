package dev.jcodex.core.approval;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the user approved "for the session" on one thread: exact command vectors, paths a patch may
 * touch again without asking, and MCP tools (server, tool).
 */
public final class SessionApprovals {
    private final Set<List<String>> commands = ConcurrentHashMap.newKeySet();
    private final Set<Path> paths = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> mcpTools = ConcurrentHashMap.newKeySet();

    public void approveCommand(List<String> argv) { commands.add(List.copyOf(argv)); }

    public boolean commandApproved(List<String> argv) { return commands.contains(argv); }

    public void approvePaths(Collection<Path> p) { paths.addAll(p); }

    /** An MCP tool approved for the session runs again without asking, whatever its arguments. */
    public void approveMcpTool(String server, String tool) { mcpTools.add(List.of(server, tool)); }

    public boolean mcpToolApproved(String server, String tool) { return mcpTools.contains(List.of(server, tool)); }

    public boolean pathsApproved(Collection<Path> p) { return !p.isEmpty() && paths.containsAll(p); }
}
