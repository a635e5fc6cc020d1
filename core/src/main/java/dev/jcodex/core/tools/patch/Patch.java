package dev.jcodex.core.tools.patch;

import java.util.List;

/** A parsed {@code *** Begin Patch} document: file operations in the order they appear. */
public record Patch(List<FileOp> ops) {

    /** One file section. Paths are as written in the patch (relative to the turn's cwd, or absolute). */
    public sealed interface FileOp {
        String path();

        record Add(String path, String contents) implements FileOp {}

        record Delete(String path) implements FileOp {}

        /** {@code moveTo} is null unless the section has {@code *** Move to:}. */
        record Update(String path, String moveTo, List<Hunk> hunks) implements FileOp {}
    }

    /**
     * One {@code @@} section: the anchors (text after each stacked {@code @@}) narrow where it applies;
     * {@code oldLines} (context and removals) are replaced by {@code newLines} (context and additions).
     */
    public record Hunk(List<String> anchors, List<String> oldLines, List<String> newLines, boolean endOfFile) {}
}
