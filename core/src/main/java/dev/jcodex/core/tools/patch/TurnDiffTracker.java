package dev.jcodex.core.tools.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The turn's aggregated diff: the content of each file as it was before the turn first touched it, compared
 * with what is on disk now, rendered git-style (paths relative to the workspace when inside it).
 */
public final class TurnDiffTracker {
    private final Map<Path, String> baseline = new TreeMap<>();
    private final Map<Path, Boolean> known = new TreeMap<>();

    /** Records {@code p}'s current content as its baseline, the first time the turn touches it. */
    public synchronized void touch(Path p) {
        if (known.containsKey(p)) return;
        known.put(p, true);
        baseline.put(p, read(p));
    }

    public synchronized boolean hasChanges() { return !known.isEmpty(); }

    public synchronized String diff(Path cwd) {
        StringBuilder sb = new StringBuilder();
        for (Path p : known.keySet()) {
            String name = cwd != null && p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString().replaceFirst("^/", "");
            sb.append(UnifiedDiff.gitSection(name, baseline.get(p), read(p)));
        }
        return sb.toString();
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
