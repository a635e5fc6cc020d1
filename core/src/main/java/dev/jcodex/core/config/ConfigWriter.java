package dev.jcodex.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Applies key-path edits to a config.toml with {@link TomlEditor}, so the user's comments and layout
 * survive. Optimistic concurrency: when the caller names the version it read ({@code sha256:<hex>}) and the
 * file changed since, nothing is written. The file is replaced atomically and keeps its permissions.
 */
public final class ConfigWriter {
    /** One edit: {@code value} null removes the key; {@code replace} swaps a table instead of merging into it. */
    public record Edit(String keyPath, Object value, boolean replace) {}

    public record Result(Path file, String version) {}

    /** A write that was refused; {@code code} is Codex's config_write_error_code. */
    public static final class WriteException extends RuntimeException {
        private final String code;

        public WriteException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() { return code; }
    }

    /** In-process writers queue here first: a JVM may hold only one lock on a file (OverlappingFileLockException). */
    private static final Object LOCK = new Object();
    private static final int MAX_SYMLINKS = 40;

    private ConfigWriter() {}

    /**
     * Read-modify-write under an OS lock ({@code .<name>.lock} beside the file, held with
     * {@link FileChannel#lock()}), so a second daemon on the same CODEX_HOME cannot write in between and lose an
     * acknowledged edit; the file is read again under the lock. A symlinked file is written through its link,
     * as editors do: the link's final target is replaced atomically in its own directory and the link stays.
     */
    public static Result write(Path file, List<Edit> edits, String expectedVersion) {
        synchronized (LOCK) {
            try (FileChannel lockFile = openLockFile(file); FileLock held = lockFile.lock()) {
                return writeLocked(file, edits, expectedVersion);
            } catch (IOException e) {
                throw new WriteException("configPathNotFound", "cannot lock " + lockPath(file) + ": " + e.getMessage());
            }
        }
    }

    static Path lockPath(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    private static FileChannel openLockFile(Path file) throws IOException {
        Path lock = lockPath(file);
        Files.createDirectories(lock.getParent());
        try {
            Files.createFile(lock, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (java.nio.file.FileAlreadyExistsException ignored) {
            // another writer made it; it is never deleted (deleting a lock file others may hold breaks the lock)
        }
        return FileChannel.open(lock, StandardOpenOption.WRITE);
    }

    /** The file a write lands in: {@code file}, or the end of its chain of symlinks (which may not exist yet). */
    static Path target(Path file) throws IOException {
        Path current = file.toAbsolutePath();
        for (int i = 0; Files.isSymbolicLink(current); i++) {
            if (i >= MAX_SYMLINKS) throw new IOException("too many levels of symbolic links at " + file);
            current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    private static Result writeLocked(Path file, List<Edit> edits, String expectedVersion) {
        Path target;
        byte[] before;
        try {
            target = target(file);
            before = Files.isRegularFile(target) ? Files.readAllBytes(target) : new byte[0];
        } catch (IOException e) {
            throw new WriteException("configPathNotFound", "cannot read " + file + ": " + e.getMessage());
        }
        String current = FileVersion.of(before);
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw new WriteException("configVersionConflict", "Configuration was modified since last read (expected "
                    + expectedVersion + ", found " + current + ")");
        }
        TomlEditor editor = new TomlEditor(new String(before, StandardCharsets.UTF_8));
        for (Edit e : edits) {
            if (e.keyPath() == null || e.keyPath().isBlank()) {
                throw new WriteException("configValidationError", "keyPath must not be empty");
            }
            List<String> path = ConfigTree.splitKey(e.keyPath());
            if (path.stream().anyMatch(String::isEmpty)) {
                throw new WriteException("configValidationError", "invalid keyPath `" + e.keyPath() + "`");
            }
            editor.set(path, e.value(), e.replace());
        }
        try {
            editor.validate();
        } catch (IllegalStateException ex) {
            throw new WriteException("configValidationError", ex.getMessage());
        }
        byte[] after = editor.text().getBytes(StandardCharsets.UTF_8);
        try {
            replace(target, after);
        } catch (IOException ex) {
            throw new WriteException("configPathNotFound", "cannot write " + target + ": " + ex.getMessage());
        }
        return new Result(file, FileVersion.of(after));
    }

    private static void replace(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".config-", ".toml.tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true); // on disk before the rename publishes it
            }
            Set<PosixFilePermission> perms = Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(tmp, perms);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
