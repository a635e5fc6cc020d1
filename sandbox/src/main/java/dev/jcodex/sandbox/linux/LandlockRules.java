package dev.jcodex.sandbox.linux;

import dev.jcodex.sandbox.SandboxPolicy.WritableRoot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.jcodex.sandbox.linux.Syscalls.*;

/**
 * Turns writable roots into a Landlock ruleset that handles only write-type rights (reads and execution stay
 * free).
 *
 * <p>Landlock rules only add, and a right granted on a directory holds for everything beneath it. So:
 * <ul>
 * <li>a directory holding an existing protected entry ({@code .git}, {@code .codex}, {@code .agents}, a gitdir)
 *     is <em>expanded</em>: it gets no rights, each child its own grant (recursively along the path to the
 *     protected entry), the protected entry none. Commands cannot create, delete or rename entries directly in
 *     it (they can in its subdirectories, and can write its existing files);</li>
 * <li>a project root (cwd or a configured root) whose protected names do not exist yet, and every directory
 *     above one up to its writable root, gets the <em>files-only</em> rights: everything but making
 *     directories, symlinks and device nodes; each child directory of the project root gets a full grant of
 *     its own (those of a root above it, such as /tmp around a cwd in /tmp, keep files-only). So
 *     {@code mkdir .codex} (or {@code .agents}, {@code .git}) and {@code ln -s elsewhere .codex} fail at the top,
 *     while top-level files can still be created, written and removed; the price is that new top-level
 *     directories cannot be made (bubblewrap or the namespace helper can: they bind the protected names
 *     instead);</li>
 * <li>anything else (usually /tmp) is granted whole.</li>
 * </ul>
 * apply_patch, which writes from the daemon through {@code SandboxedFiles}, is unaffected.
 */
public final class LandlockRules {
    private LandlockRules() {}

    /** How much a rule grants: a file's rights, a directory's, or a directory's minus new directories/links. */
    public enum Rights { FILE, DIRECTORY, FILES_ONLY }

    public record Grant(Path path, Rights rights) {
        public Grant(Path path, boolean directory) {
            this(path, directory ? Rights.DIRECTORY : Rights.FILE);
        }

        public boolean directory() {
            return rights != Rights.FILE;
        }
    }

    /** Device files every command may write (2>/dev/null, terminals). */
    private static final List<String> DEVICE_FILES = List.of(
            "/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty", "/dev/ptmx");

    public static long handledAccess(int abi) {
        long rights = ACCESS_FS_WRITE_FILE | ACCESS_FS_REMOVE_DIR | ACCESS_FS_REMOVE_FILE | ACCESS_FS_MAKE_CHAR
                | ACCESS_FS_MAKE_DIR | ACCESS_FS_MAKE_REG | ACCESS_FS_MAKE_SOCK | ACCESS_FS_MAKE_FIFO
                | ACCESS_FS_MAKE_BLOCK | ACCESS_FS_MAKE_SYM;
        // REFER matters: without it handled, a hard link could move a protected file into a writable tree.
        if (abi >= 2) rights |= ACCESS_FS_REFER;
        if (abi >= 3) rights |= ACCESS_FS_TRUNCATE;
        if (abi >= 5) rights |= ACCESS_FS_IOCTL_DEV;
        return rights;
    }

    /**
     * The rights a writable directory is granted: everything handled except creating device nodes. Handled but
     * never granted, so {@code mknod} of a block or character device fails even for a process that still had
     * CAP_MKNOD (a block device node made in cwd reaches the disk under every other directory).
     */
    static long directoryRights(long handled) {
        return handled & ~(ACCESS_FS_MAKE_BLOCK | ACCESS_FS_MAKE_CHAR);
    }

    /** A project root's own rights while its protected names are missing: no new directory or symlink there. */
    static long filesOnlyRights(long handled) {
        return directoryRights(handled) & ~(ACCESS_FS_MAKE_DIR | ACCESS_FS_MAKE_SYM);
    }

    /** The rights a non-directory may be granted (the kernel rejects directory rights on a file rule). */
    static long fileRights(long handled) {
        return handled & (ACCESS_FS_WRITE_FILE | ACCESS_FS_TRUNCATE | ACCESS_FS_IOCTL_DEV);
    }

    static long rights(Rights r, long handled) {
        return switch (r) {
            case FILE -> fileRights(handled);
            case DIRECTORY -> directoryRights(handled);
            case FILES_ONLY -> filesOnlyRights(handled);
        };
    }

    /** Grants for the roots with only existing protected paths kept read-only (no project root is strict). */
    public static List<Grant> plan(List<WritableRoot> roots) {
        return plan(roots, Set.of());
    }

    /**
     * Grants for the roots: whole where possible, expanded around every existing protected path, and files-only
     * on each of {@code projectRoots} (real paths) whose protected names are missing, so they cannot be created.
     */
    public static List<Grant> plan(List<WritableRoot> roots, Set<Path> projectRoots) {
        Set<Path> existing = new LinkedHashSet<>();
        Set<Path> missing = new LinkedHashSet<>();
        for (WritableRoot r : roots) {
            for (Path p : r.readOnlySubpaths()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    existing.add(p);
                } else if (projectRoots.contains(r.root()) && Files.isDirectory(r.root()) && r.root().equals(p.getParent())) {
                    missing.add(p);
                }
            }
        }
        List<Grant> out = new ArrayList<>();
        for (WritableRoot r : roots) expand(r.root(), existing, missing, out);
        return out;
    }

    /** Whether the plan had to expand some root around an existing protected path (no rights on the root). */
    public static boolean expanded(List<WritableRoot> roots, List<Grant> grants) {
        Set<Path> granted = new java.util.HashSet<>();
        for (Grant g : grants) if (g.directory()) granted.add(g.path());
        return roots.stream().anyMatch(r -> !granted.contains(r.root()));
    }

    private static void expand(Path dir, Set<Path> existing, Set<Path> missing, List<Grant> out) {
        if (existing.contains(dir)) return;
        boolean holdsExisting = existing.stream().anyMatch(p -> p.startsWith(dir) && !p.equals(dir));
        boolean holdsMissing = missing.stream().anyMatch(p -> p.startsWith(dir) && !p.equals(dir));
        if (!holdsExisting && !holdsMissing) {
            // a configured root may be a file; directory rights on a file rule are EINVAL
            out.add(new Grant(dir, Files.isDirectory(dir)));
            return;
        }
        if (!holdsExisting) {
            // Files-only rights hold beneath too, harmless where nothing beneath exists that is protected.
            out.add(new Grant(dir, Rights.FILES_ONLY));
            boolean project = missing.stream().anyMatch(p -> dir.equals(p.getParent()));
            if (!project) {
                // A root above a project (/tmp around a cwd in it): only the way down to the project gets rules;
                // its other entries keep the files-only rights they inherit (a rule each would cost ~7 us per
                // entry of /tmp on every spawn).
                Set<Path> next = new LinkedHashSet<>();
                for (Path p : missing) {
                    if (p.startsWith(dir) && p.getNameCount() > dir.getNameCount() + 1) {
                        next.add(dir.resolve(p.getName(dir.getNameCount()).toString()));
                    }
                }
                for (Path child : next) {
                    if (!Files.isSymbolicLink(child) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        expand(child, existing, missing, out);
                    }
                }
                return;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    if (Files.isSymbolicLink(child) || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) continue;
                    if (missing.stream().anyMatch(p -> p.startsWith(child))) {
                        expand(child, existing, missing, out); // a nested project root
                    } else {
                        out.add(new Grant(child, true));
                    }
                }
            } catch (IOException e) {
                // an unreadable directory gets no grant of its own: denial is the safe side
            }
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                // A write through a symlink lands on its target, which needs a grant of its own.
                if (Files.isSymbolicLink(child) || existing.contains(child)) continue;
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    expand(child, existing, missing, out);
                } else {
                    out.add(new Grant(child, false));
                }
            }
        } catch (IOException e) {
            // an unreadable directory gets no grant: denial is the safe side
        }
    }

    /**
     * IPC scopes (ABI 6): no signals to processes outside the domain (the daemon, or other commands), as
     * bubblewrap's PID namespace gives; with the network off also no abstract unix sockets outside it, as
     * bubblewrap's network namespace gives (D-Bus or X11 listening there could run code unconfined).
     */
    public static long scopes(int abi, boolean networkOff) {
        if (abi < 6) return 0;
        return SCOPE_SIGNAL | (networkOff ? SCOPE_ABSTRACT_UNIX_SOCKET : 0);
    }

    /** Creates the ruleset (an fd, close-on-exec) for the grants plus the device files. */
    public static int createRuleset(List<Grant> grants, int abi, boolean writableShm, boolean networkOff)
            throws IOException {
        long handled = handledAccess(abi);
        int ruleset = landlockCreateRuleset(handled, scopes(abi, networkOff));
        try {
            for (Grant g : grants) {
                landlockAddPath(ruleset, g.path().toString(), rights(g.rights(), handled));
            }
            for (String dev : DEVICE_FILES) landlockAddPath(ruleset, dev, fileRights(handled));
            landlockAddPath(ruleset, "/dev/pts", fileRights(handled));
            if (writableShm) landlockAddPath(ruleset, "/dev/shm", directoryRights(handled));
            return ruleset;
        } catch (IOException | RuntimeException e) {
            close(ruleset);
            throw e;
        }
    }
}
