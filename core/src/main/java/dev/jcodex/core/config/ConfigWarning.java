package dev.jcodex.core.config;

import java.nio.file.Path;

/**
 * Something in the config that was ignored or reinterpreted, with the key and the reason (sent as
 * {@code configWarning}). {@code line} and {@code column} (1-based) point into {@code file} when known.
 */
public record ConfigWarning(String summary, String details, Path file, Integer line, Integer column) {
    public ConfigWarning(String summary, String details, Path file) { this(summary, details, file, null, null); }

    static ConfigWarning at(String summary, String details, ConfigLocation where) {
        return new ConfigWarning(summary, details, where == null ? null : where.file(),
                where == null ? null : where.line(), where == null ? null : where.column());
    }
}
