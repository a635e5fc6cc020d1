package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a sandboxed command may do, as Codex defines it (wire tag {@code type}: readOnly, workspaceWrite,
 * dangerFullAccess, externalSandbox). Reads are always allowed; the policy decides writes and network.
 */
public sealed interface SandboxPolicy {

    enum Kind { READ_ONLY, WORKSPACE_WRITE, DANGER_FULL_ACCESS, EXTERNAL_SANDBOX }

    /**
     * Names that stay read-only at the top of every writable root, whether or not they exist: hooks, project
     * config and agent skills live there, and a trusted project's config decides the next thread's sandbox.
     */
    List<String> PROTECTED_NAMES = List.of(".git", ".codex", ".agents");

    Kind kind();

    boolean networkAccess();

    /** True when we must enforce the policy ourselves (read-only and workspace-write). */
    default boolean confined() {
        return kind() == Kind.READ_ONLY || kind() == Kind.WORKSPACE_WRITE;
    }

    record ReadOnly(boolean networkAccess) implements SandboxPolicy {
        public Kind kind() { return Kind.READ_ONLY; }
    }

    record WorkspaceWrite(List<Path> writableRoots, boolean networkAccess, boolean excludeTmpdirEnvVar,
                          boolean excludeSlashTmp) implements SandboxPolicy {
        public WorkspaceWrite {
            writableRoots = List.copyOf(writableRoots);
        }
        public Kind kind() { return Kind.WORKSPACE_WRITE; }
    }

    record DangerFullAccess() implements SandboxPolicy {
        public Kind kind() { return Kind.DANGER_FULL_ACCESS; }
        public boolean networkAccess() { return true; }
    }

    /** The client sandboxes the process itself; we enforce nothing. */
    record ExternalSandbox(boolean networkAccess) implements SandboxPolicy {
        public Kind kind() { return Kind.EXTERNAL_SANDBOX; }
    }

    static SandboxPolicy readOnly(boolean network) { return new ReadOnly(network); }

    static SandboxPolicy workspaceWrite(List<Path> roots, boolean network, boolean excludeTmpdirEnvVar,
                                        boolean excludeSlashTmp) {
        return new WorkspaceWrite(roots, network, excludeTmpdirEnvVar, excludeSlashTmp);
    }

    static SandboxPolicy dangerFullAccess() { return new DangerFullAccess(); }

    static SandboxPolicy externalSandbox(boolean network) { return new ExternalSandbox(network); }

    /** {@code read-only | workspace-write | danger-full-access}, the config/CLI spelling of SandboxMode. */
    static SandboxPolicy fromMode(String mode, List<Path> roots, boolean network) {
        return switch (mode) {
            case "read-only" -> readOnly(network);
            case "workspace-write" -> workspaceWrite(roots, network, false, false);
            case "danger-full-access" -> dangerFullAccess();
            default -> throw new IllegalArgumentException(
                    "unknown sandbox mode '" + mode + "' (read-only, workspace-write, danger-full-access)");
        };
    }

    /** The writable roots for commands run in {@code cwd}, with $TMPDIR taken from this process. */
    default List<WritableRoot> writableRoots(Path cwd) {
        return writableRoots(cwd, System.getenv());
    }

    /**
     * Effective writable roots: cwd + configured roots + /tmp + $TMPDIR (unless excluded), each as a real path
     * (symlinks resolved, so that checks and kernel rules agree), deduplicated, missing ones dropped. Full-access
     * kinds yield "/" with nothing protected; read-only yields none.
     */
    default List<WritableRoot> writableRoots(Path cwd, Map<String, String> env) {
        Path base = cwd.toAbsolutePath().normalize();
        return switch (this) {
            case ReadOnly r -> List.of();
            case DangerFullAccess d -> List.of(new WritableRoot(Path.of("/"), List.of()));
            case ExternalSandbox e -> List.of(new WritableRoot(Path.of("/"), List.of()));
            case WorkspaceWrite w -> {
                List<Path> candidates = new ArrayList<>();
                candidates.add(base);
                for (Path p : w.writableRoots()) candidates.add(base.resolve(p));
                if (!w.excludeSlashTmp()) candidates.add(Path.of("/tmp"));
                String tmpdir = env.get("TMPDIR");
                if (!w.excludeTmpdirEnvVar() && tmpdir != null && !tmpdir.isBlank()) {
                    candidates.add(base.resolve(tmpdir));
                }
                Set<Path> real = new LinkedHashSet<>();
                for (Path p : candidates) {
                    try {
                        real.add(p.toRealPath());
                    } catch (IOException missing) {
                        // a root that does not exist cannot be granted to the kernel; it is simply not writable
                    }
                }
                List<WritableRoot> out = new ArrayList<>();
                for (Path r : real) out.add(new WritableRoot(r, protectedSubpaths(r)));
                yield List.copyOf(out);
            }
        };
    }

    /**
     * {@code root/.git}, {@code root/.codex} and {@code root/.agents} (whether or not they exist, so none can be created), the real
     * path of either if it is a symlink, and the gitdir a {@code .git} file points to (worktrees, submodules).
     */
    private static List<Path> protectedSubpaths(Path root) {
        Set<Path> out = new LinkedHashSet<>();
        for (String name : PROTECTED_NAMES) {
            Path p = root.resolve(name);
            out.add(p);
            if (Files.isSymbolicLink(p)) {
                try {
                    out.add(p.toRealPath());
                } catch (IOException dangling) {
                    // nothing to protect beyond the link itself
                }
            }
        }
        Path git = root.resolve(".git");
        if (Files.isRegularFile(git, LinkOption.NOFOLLOW_LINKS)) {
            try {
                for (String line : Files.readAllLines(git)) {
                    if (line.startsWith("gitdir:")) {
                        Path gitdir = root.resolve(line.substring("gitdir:".length()).strip());
                        out.add(gitdir.toRealPath());
                    }
                }
            } catch (IOException unreadable) {
                // an unreadable or dangling gitdir cannot be written through this root either
            }
        }
        return List.copyOf(out);
    }

    /**
     * The roots that may be projects, whose missing protected names must stay missing: cwd and the configured
     * roots (real paths), not /tmp or $TMPDIR unless one of them is cwd. Empty unless workspace-write.
     */
    default Set<Path> projectRoots(Path cwd) {
        if (!(this instanceof WorkspaceWrite w)) return Set.of();
        Path base = cwd.toAbsolutePath().normalize();
        Set<Path> out = new LinkedHashSet<>();
        List<Path> candidates = new ArrayList<>();
        candidates.add(base);
        for (Path p : w.writableRoots()) candidates.add(base.resolve(p));
        for (Path p : candidates) {
            try {
                out.add(p.toRealPath());
            } catch (IOException missing) {
                // not a root either (see writableRoots)
            }
        }
        return Set.copyOf(out);
    }

    /** A directory tree commands may write, minus read-only subtrees inside it. All paths are real paths. */
    record WritableRoot(Path root, List<Path> readOnlySubpaths) {
        public WritableRoot {
            Objects.requireNonNull(root);
            readOnlySubpaths = List.copyOf(readOnlySubpaths);
        }

        /** Whether a real (symlink-free, normalized) path may be written under this root. */
        public boolean allows(Path realTarget) {
            if (!realTarget.startsWith(root)) return false;
            for (Path p : readOnlySubpaths) {
                if (realTarget.startsWith(p)) return false;
            }
            return true;
        }
    }
}
