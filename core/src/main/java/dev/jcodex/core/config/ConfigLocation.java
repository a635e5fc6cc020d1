package dev.jcodex.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a config value came from: a position in a file ({@code line}/{@code column} 1-based, null when
 * unknown), or somewhere that is not a file ({@code source}: a {@code -c} flag, a thread's overrides). Printed
 * the way compilers do, {@code file:line:column}, so editors and terminals can jump to it.
 */
public record ConfigLocation(Path file, Integer line, Integer column, String source) {
    static ConfigLocation of(Path file, Integer line, Integer column) { return new ConfigLocation(file, line, column, null); }

    static ConfigLocation flag(String key) { return new ConfigLocation(null, null, null, "-c " + key); }

    static ConfigLocation source(String text) { return new ConfigLocation(null, null, null, text); }

    @Override
    public String toString() {
        if (source != null) return source;
        if (file == null) return "config";
        return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column));
    }

    /** The source line with a caret under the column, as Codex prints it; empty when there is no file position. */
    public String excerpt() {
        if (file == null || line == null) return "";
        try {
            List<String> lines = Files.readAllLines(file);
            if (line < 1 || line > lines.size()) return "";
            String text = lines.get(line - 1);
            String num = String.valueOf(line);
            String pad = " ".repeat(num.length());
            int col = column == null ? 1 : Math.max(1, Math.min(column, text.length() + 1));
            return pad + " |\n" + num + " | " + text + "\n" + pad + " | " + " ".repeat(col - 1) + "^";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
