package dev.jcodex.core.config;

import java.nio.file.Path;

/** Where Codex keeps its state: $CODEX_HOME, else ~/.codex (the same directory Codex uses). */
public final class CodexHome {
    private CodexHome() {}

    public static Path resolve() {
        String env = System.getenv("CODEX_HOME");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        return Path.of(System.getProperty("user.home"), ".codex");
    }
}
