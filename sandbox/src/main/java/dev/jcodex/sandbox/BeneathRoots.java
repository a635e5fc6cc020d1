package dev.jcodex.sandbox;

import dev.jcodex.sandbox.SandboxPolicy.WritableRoot;
import dev.jcodex.sandbox.linux.Syscalls;
import dev.jcodex.sandbox.linux.Syscalls.ErrnoException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.jcodex.sandbox.linux.Syscalls.*;

/**
 * Writes confined by construction, not by a check before an unconfined write. The target's path is resolved
 * once ({@link RealPaths}) to choose its writable root; then the root is opened ({@code O_PATH}, verified to be
 * the root), and every component below it is opened from its parent's descriptor with {@code O_NOFOLLOW}, each
 * missing directory made with {@code mkdirat} on the pinned parent. No symlink is followed after the check: one
 * swapped in meanwhile fails the write with ELOOP/ENOTDIR instead of redirecting it. Each entry created,
 * written or removed is (pinned parent descriptor, one name), and the policy (inside a root, outside every
 * protected path, {@code .git}/{@code .codex}/{@code .agents} whether or not they exist) is checked on the
 * parent's path as the kernel reports it for that descriptor, so the check and the mutation see the same
 * directory. Regular files only: a FIFO or device in the way is refused, never opened for writing blocking.
 */
final class BeneathRoots implements SandboxedFiles {
    private static final int DIR_FLAGS = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    private final List<WritableRoot> roots;

    BeneathRoots(List<WritableRoot> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public void write(Path target, byte[] content) throws IOException {
        Path real = RealPaths.resolveForWrite(target).orElseThrow(() -> unresolvable(target));
        if (rootOf(real).isEmpty() && roots.stream().anyMatch(r -> r.root().equals(real))) {
            writeFileRoot(target, real, content); // a file configured as a writable root of its own
            return;
        }
        try (Parent p = open(target, real, true)) {
            int fd;
            try {
                fd = openat(p.fd, p.name, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
            } catch (ErrnoException e) {
                throw translate(e, target);
            }
            fill(fd, target, content);
        }
    }

    /** Truncates and writes {@code fd} (closing it), once it is known to be a regular file. */
    private static void fill(int fd, Path target, byte[] content) throws IOException {
        try {
            // the descriptor, not the name, is what gets written: its type decides
            if (!Files.isRegularFile(Path.of("/proc/self/fd/" + fd))) {
                throw new IOException(target + " is not a regular file");
            }
            ftruncate(fd, 0);
            int off = 0;
            while (off < content.length) {
                int n = Syscalls.write(fd, content, off, content.length - off);
                if (n == -EINTR) continue;
                if (n < 0) throw new ErrnoException("write(" + target + ")", -n);
                off += n;
            }
        } finally {
            close(fd);
        }
    }

    /** Opened by its own (real) path without following a final link, and checked to be that path once open. */
    private void writeFileRoot(Path target, Path root, byte[] content) throws IOException {
        int fd;
        try {
            fd = Syscalls.open(root.toString(), O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
        } catch (ErrnoException e) {
            throw translate(e, target);
        }
        try {
            if (!Syscalls.pathOf(fd).equals(root.toString())) throw denied(target);
        } catch (IOException | RuntimeException e) {
            close(fd);
            throw e;
        }
        fill(fd, target, content);
    }

    @Override
    public void delete(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null) throw denied(target);
        Path realParent = RealPaths.resolveForWrite(parent).orElseThrow(() -> unresolvable(target));
        try (Parent p = open(target, realParent.resolve(target.getFileName().toString()), false)) {
            unlinkat(p.fd, p.name);
        } catch (ErrnoException e) {
            throw translate(e, target);
        }
    }

    /** The pinned parent directory of {@code real} and its last name, after the policy allowed that entry. */
    private record Parent(int fd, String name) implements AutoCloseable {
        @Override public void close() { Syscalls.close(fd); }
    }

    private Parent open(Path target, Path real, boolean createParents) throws IOException {
        WritableRoot root = rootOf(real).orElseThrow(() -> denied(target));
        Path rel = root.root().relativize(real);
        int dir;
        try {
            dir = Syscalls.open(root.root().toString(), DIR_FLAGS, 0);
        } catch (ErrnoException e) {
            throw translate(e, target);
        }
        try {
            // a root nested in another root could have been replaced by a symlink on the way to it
            if (!Syscalls.pathOf(dir).equals(root.root().toString())) throw denied(target);
            for (int i = 0; i < rel.getNameCount() - 1; i++) {
                String name = rel.getName(i).toString();
                int next;
                try {
                    next = openat(dir, name, DIR_FLAGS, 0);
                } catch (ErrnoException e) {
                    if (e.errno != ENOENT || !createParents) throw e;
                    requireAllowed(Path.of(Syscalls.pathOf(dir)).resolve(name), target);
                    try {
                        mkdirat(dir, name, 0777);
                    } catch (ErrnoException raced) {
                        if (raced.errno != EEXIST) throw raced;
                    }
                    next = openat(dir, name, DIR_FLAGS, 0);
                }
                close(dir);
                dir = next;
            }
            String name = rel.getFileName().toString();
            requireAllowed(Path.of(Syscalls.pathOf(dir)).resolve(name), target);
            return new Parent(dir, name);
        } catch (ErrnoException e) {
            close(dir);
            throw translate(e, target);
        } catch (IOException | RuntimeException e) {
            close(dir);
            throw e;
        }
    }

    /** The innermost root strictly above {@code real} (a root itself is never created or removed). */
    private Optional<WritableRoot> rootOf(Path real) {
        WritableRoot best = null;
        for (WritableRoot r : roots) {
            if (real.startsWith(r.root()) && !real.equals(r.root())
                    && (best == null || r.root().getNameCount() > best.root().getNameCount())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Inside some root and inside no root's protected path (a protected path of /tmp also binds a root in it). */
    private void requireAllowed(Path entry, Path target) throws AccessDeniedException {
        for (WritableRoot r : roots) {
            for (Path p : r.readOnlySubpaths()) {
                if (entry.startsWith(p)) throw denied(target);
            }
        }
        if (roots.stream().noneMatch(r -> r.allows(entry))) throw denied(target);
    }

    private static AccessDeniedException denied(Path target) {
        return new AccessDeniedException(target.toString(), null, "not allowed by the sandbox policy");
    }

    private static IOException unresolvable(Path target) {
        return new IOException("cannot resolve " + target + " (a symlink loop, or .. below a missing directory)");
    }

    private static IOException translate(ErrnoException e, Path target) {
        return switch (e.errno) {
            case ENOENT -> new NoSuchFileException(target.toString());
            case EEXIST -> new FileAlreadyExistsException(target.toString());
            case ELOOP -> new IOException(target + " changed into a symlink while it was written; nothing followed it");
            case EISDIR -> new IOException(target + " is a directory");
            case ENXIO -> new IOException(target + " is not a regular file");
            default -> new IOException(target + ": " + e.getMessage(), e);
        };
    }
}
