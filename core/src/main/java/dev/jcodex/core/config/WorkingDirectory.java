package dev.jcodex.core.config;

import java.nio.file.Path;

/**
 * The process's working directory as the agent sees it: where a thread without a cwd runs. The JVM cannot
 * change its own cwd, so {@code jcodex -C DIR} sets it here once at start-up; everything that would have
 * used {@code user.dir} asks this instead.
 */
public final class WorkingDirectory {
    private static volatile Path current;

    private WorkingDirectory() {}

    /** The directory given by {@code -C}, else the JVM's own cwd; absolute and normalized. */
    public static Path current() {
        Path p = current;
        return p != null ? p : Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }

    /** Called by the CLI before anything runs; {@code dir} is resolved against the real cwd. */
    public static void set(Path dir) {
        current = dir == null ? null : Path.of(System.getProperty("user.dir")).resolve(dir).toAbsolutePath().normalize();
    }
}
