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
 * <p>Landlock rules only add: a PATH_BENEATH grant on a root also covers its {@code .git}. So a root with a
 * protected entry inside is <em>expanded</em>: each child gets its own grant (recursively along the path to a
 * protected entry) and the protected entries get none. The price: the expanded directory itself has no
 * directory rights, so commands cannot create, delete or rename entries directly in it (they can in its
 * subdirectories, and can write to its existing files). apply_patch, which writes from the daemon and checks
 * {@code Sandbox.canWrite}, is unaffected. Roots without protected entries (usually /tmp) are granted whole.
 */
public final class LandlockRules {
    private LandlockRules() {}

    public record Grant(Path path, boolean directory) {}

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

    /** The rights a non-directory may be granted (the kernel rejects directory rights on a file rule). */
    static long fileRights(long handled) {
        return handled & (ACCESS_FS_WRITE_FILE | ACCESS_FS_TRUNCATE | ACCESS_FS_IOCTL_DEV);
    }

    /** Grants for the roots: whole roots where possible, expanded around every existing protected path. */
    public static List<Grant> plan(List<WritableRoot> roots) {
        Set<Path> protectedPaths = new LinkedHashSet<>();
        for (WritableRoot r : roots) {
            for (Path p : r.readOnlySubpaths()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) protectedPaths.add(p);
            }
        }
        List<Grant> out = new ArrayList<>();
        for (WritableRoot r : roots) expand(r.root(), protectedPaths, out);
        return out;
    }

    /** Whether the plan had to expand some root around a protected path (any root not granted whole). */
    public static boolean expanded(List<WritableRoot> roots, List<Grant> grants) {
        Set<Path> whole = new java.util.HashSet<>();
        for (Grant g : grants) if (g.directory()) whole.add(g.path());
        return roots.stream().anyMatch(r -> !whole.contains(r.root()));
    }

    private static void expand(Path dir, Set<Path> protectedPaths, List<Grant> out) {
        if (protectedPaths.contains(dir)) return;
        boolean containsProtected = protectedPaths.stream().anyMatch(p -> p.startsWith(dir) && !p.equals(dir));
        if (!containsProtected) {
            // a configured root may be a file; directory rights on a file rule are EINVAL
            out.add(new Grant(dir, Files.isDirectory(dir)));
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                // A write through a symlink lands on its target, which needs a grant of its own.
                if (Files.isSymbolicLink(child) || protectedPaths.contains(child)) continue;
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    expand(child, protectedPaths, out);
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
                landlockAddPath(ruleset, g.path().toString(), g.directory() ? directoryRights(handled) : fileRights(handled));
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
