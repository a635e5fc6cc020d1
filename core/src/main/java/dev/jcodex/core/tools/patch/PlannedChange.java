package dev.jcodex.core.tools.patch;

import java.nio.file.Path;

/**
 * One file of a verified patch, with its contents before and after: computed before approval so the
 * fileChange item can show the diff, and written only afterwards. {@code kind}: add, delete, update.
 */
public record PlannedChange(String kind, String displayPath, Path path, Path movePath, String oldContent,
                            String newContent, String diff) {

    /** The paths this change writes (both ends of a move). */
    public java.util.List<Path> writtenPaths() {
        return movePath == null ? java.util.List.of(path) : java.util.List.of(path, movePath);
    }
}
