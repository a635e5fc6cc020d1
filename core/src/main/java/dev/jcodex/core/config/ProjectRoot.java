package dev.jcodex.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The nearest ancestor of a directory (itself included) that holds a project root marker such as .git. */
public final class ProjectRoot {
    private ProjectRoot() {}

    /** The root, or null when no ancestor has a marker. */
    public static Path find(Path dir, List<String> markers) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            for (String m : markers) if (Files.exists(p.resolve(m))) return p;
        }
        return null;
    }
}
