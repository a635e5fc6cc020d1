package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file mutations of the daemon's own tools (apply_patch) under a sandbox policy. {@link Sandbox#files}
 * gives the confined kind: every directory, file and removal is made through descriptors opened from the
 * writable root downwards without following any symlink, so a symlink swapped in after the policy check cannot
 * redirect the write (see {@link BeneathRoots}). Unconfined policies, and writes the user approved, write plainly.
 */
public interface SandboxedFiles {
    /** Creates or replaces {@code target} (absolute) with {@code content}, creating missing parent directories. */
    void write(Path target, byte[] content) throws IOException;

    /** Removes {@code target} (absolute); a symlink is removed itself, never its target. */
    void delete(Path target) throws IOException;

    /** Plain writes (danger-full-access, an external sandbox, or a write the user explicitly approved). */
    static SandboxedFiles unconfined() {
        return new SandboxedFiles() {
            @Override
            public void write(Path target, byte[] content) throws IOException {
                Path parent = target.getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.write(target, content);
            }

            @Override
            public void delete(Path target) throws IOException {
                Files.delete(target);
            }
        };
    }
}
