package dev.jcodex.core.tools.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.jcodex.sandbox.SandboxedFiles;

/**
 * Verifies a patch against the files on disk (computing every file's new contents and diff without
 * writing anything), then writes a verified plan file by file. A write that fails leaves the files
 * already written in place and reports both, as Codex does.
 */
public final class PatchEngine {
    private PatchEngine() {}

    /** Parses and verifies; throws with a message for the model when anything does not fit. */
    public static List<PlannedChange> plan(String patchText, Path cwd) throws PatchException {
        return plan(PatchParser.parse(patchText), cwd);
    }

    public static List<PlannedChange> plan(Patch patch, Path cwd) throws PatchException {
        if (patch.ops().isEmpty()) throw new PatchException("No files were modified: the patch is empty.");
        List<PlannedChange> out = new ArrayList<>();
        for (Patch.FileOp op : patch.ops()) {
            Path path = cwd.resolve(op.path()).normalize();
            switch (op) {
                case Patch.FileOp.Add a -> out.add(new PlannedChange("add", a.path(), path, null, null, a.contents(),
                        a.contents()));
                case Patch.FileOp.Delete d -> {
                    String old = read(path, d.path(), "delete");
                    out.add(new PlannedChange("delete", d.path(), path, null, old, null, old));
                }
                case Patch.FileOp.Update u -> {
                    String old = read(path, u.path(), "update");
                    String updated = applyHunks(old, u.hunks(), u.path());
                    Path move = u.moveTo() == null ? null : cwd.resolve(u.moveTo()).normalize();
                    out.add(new PlannedChange("update", u.path(), path, move, old, updated,
                            UnifiedDiff.hunks(old, updated)));
                }
            }
        }
        return out;
    }

    /** What happened when a plan was written: the summary lines (A/M/D path) and the first error, if any. */
    public record Outcome(List<PlannedChange> applied, String error) {
        public boolean success() { return error == null; }

        /** The text the model gets back. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            if (!applied.isEmpty()) {
                sb.append(success() ? "Success. Updated the following files:\n" : "Updated the following files before failing:\n");
                List<PlannedChange> sorted = new ArrayList<>(applied);
                sorted.sort(Comparator.comparingInt(c -> switch (c.kind()) { case "add" -> 0; case "update" -> 1; default -> 2; }));
                for (PlannedChange c : sorted) {
                    String letter = switch (c.kind()) { case "add" -> "A"; case "delete" -> "D"; default -> "M"; };
                    sb.append(letter).append(' ').append(c.displayPath()).append('\n');
                }
            }
            if (error != null) sb.append(error).append('\n');
            return sb.toString();
        }
    }

    /**
     * Writes the plan in order through {@code files}: the sandbox's confined mutations for patches that were
     * not explicitly approved (a refusal stops there like an I/O error), plain ones otherwise.
     */
    public static Outcome apply(List<PlannedChange> plan, SandboxedFiles files) {
        List<PlannedChange> applied = new ArrayList<>();
        for (PlannedChange c : plan) {
            try {
                switch (c.kind()) {
                    case "add" -> files.write(c.path(), utf8(c.newContent()));
                    case "delete" -> files.delete(c.path());
                    default -> {
                        if (c.movePath() != null) {
                            files.write(c.movePath(), utf8(c.newContent()));
                            if (!c.movePath().equals(c.path())) files.delete(c.path());
                        } else {
                            files.write(c.path(), utf8(c.newContent()));
                        }
                    }
                }
                applied.add(c);
            } catch (IOException | RuntimeException e) {
                return new Outcome(applied, "Failed to " + c.kind() + " " + c.displayPath() + ": " + describe(e));
            }
        }
        return new Outcome(applied, null);
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException n) return "no such file: " + n.getFile();
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return "a file is in the way: " + f.getFile();
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getReason() != null ? "writing " + a.getFile() + " is " + a.getReason() : "permission denied: " + a.getFile();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static byte[] utf8(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(Path path, String display, String verb) throws PatchException {
        try {
            if (Files.isDirectory(path)) throw new PatchException("Failed to " + verb + " " + display + ": it is a directory");
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PatchException("Failed to read file to " + verb + " " + display + ": No such file or directory");
        } catch (IOException e) {
            throw new PatchException("Failed to read file to " + verb + " " + display + ": " + e.getMessage());
        }
    }

    /** Applies the hunks to {@code old}; the result always ends with a newline (unless it is empty). */
    static String applyHunks(String old, List<Patch.Hunk> hunks, String display) throws PatchException {
        List<String> lines = new ArrayList<>(UnifiedDiff.lines(old));
        record Replacement(int at, int length, List<String> with) {}
        List<Replacement> reps = new ArrayList<>();
        int pos = 0;
        for (Patch.Hunk h : hunks) {
            for (String anchor : h.anchors()) {
                int at = Seek.find(lines, List.of(anchor), pos, false);
                if (at < 0) throw new PatchException("Failed to find context '" + anchor + "' in " + display);
                pos = at + 1;
            }
            List<String> oldLines = h.oldLines();
            List<String> newLines = h.newLines();
            if (oldLines.isEmpty()) {
                // Pure addition: after the anchor when there is one, else at the end of the file.
                int at = h.anchors().isEmpty() || h.endOfFile() ? lines.size() : pos;
                reps.add(new Replacement(at, 0, newLines));
                pos = at;
                continue;
            }
            int at = Seek.find(lines, oldLines, pos, h.endOfFile());
            while (at < 0 && !oldLines.isEmpty() && oldLines.getLast().isEmpty()) {
                // A blank line closing the section is usually spacing, not a line of the file.
                oldLines = oldLines.subList(0, oldLines.size() - 1);
                if (!newLines.isEmpty() && newLines.getLast().isEmpty()) newLines = newLines.subList(0, newLines.size() - 1);
                at = oldLines.isEmpty() ? -1 : Seek.find(lines, oldLines, pos, h.endOfFile());
            }
            if (at < 0) {
                throw new PatchException("Failed to find expected lines in " + display + ":\n" + String.join("\n", h.oldLines()));
            }
            reps.add(new Replacement(at, oldLines.size(), newLines));
            pos = at + oldLines.size();
        }
        reps.sort(Comparator.comparingInt(Replacement::at));
        for (int i = reps.size() - 1; i >= 0; i--) {
            Replacement r = reps.get(i);
            for (int k = 0; k < r.length(); k++) lines.remove(r.at());
            lines.addAll(r.at(), r.with());
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
