package dev.jcodex.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
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

    private static final Object LOCK = new Object();

    private ConfigWriter() {}

    public static Result write(Path file, List<Edit> edits, String expectedVersion) {
        synchronized (LOCK) {
            byte[] before;
            try {
                before = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
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
                replace(file, after);
            } catch (IOException ex) {
                throw new WriteException("configPathNotFound", "cannot write " + file + ": " + ex.getMessage());
            }
            return new Result(file, FileVersion.of(after));
        }
    }

    private static void replace(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".config-", ".toml.tmp");
        try {
            Files.write(tmp, content);
            Set<PosixFilePermission> perms = Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
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
