package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Empty directories standing in for the missing protected names of a project root while a bubblewrap command
 * runs there. A bind mount needs an existing mount point, so without one a missing {@code .codex} (or
 * {@code .agents}, {@code .git}) could simply be made inside the read-write root, and a trusted project's next
 * thread would read its config. With the placeholder in place, bubblewrap binds it read-only like any existing
 * protected path. Each placeholder is counted per daemon and removed, if still empty, when the last command
 * using it ends (a crash leaves an empty directory: git ignores it, config loading finds no file in it).
 */
final class MountPlaceholders {
    private MountPlaceholders() {}

    private static final Map<Path, Integer> inUse = new HashMap<>(); // guarded by itself; only ones we made

    /** Makes the missing protected names of {@code projectRoots} (top level only); returns those to release. */
    static List<Path> acquire(Set<Path> projectRoots) {
        List<Path> held = new ArrayList<>();
        synchronized (inUse) {
            for (Path root : projectRoots) {
                if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) continue;
                for (String name : SandboxPolicy.PROTECTED_NAMES) {
                    Path p = root.resolve(name);
                    Integer n = inUse.get(p);
                    if (n != null) {
                        inUse.put(p, n + 1);
                        held.add(p);
                        continue;
                    }
                    try {
                        Files.createDirectory(p);
                        inUse.put(p, 1);
                        held.add(p);
                    } catch (FileAlreadyExistsException present) {
                        // a real one (or a symlink): bound read-only as it is
                    } catch (IOException e) {
                        // an unwritable root: a command cannot make the name there either
                    }
                }
            }
        }
        return held;
    }

    /** Gives back what {@link #acquire} returned; the last user removes a placeholder that is still empty. */
    static void release(List<Path> held) {
        synchronized (inUse) {
            for (Path p : held) {
                int n = inUse.getOrDefault(p, 1) - 1;
                if (n > 0) {
                    inUse.put(p, n);
                    continue;
                }
                inUse.remove(p);
                try {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.delete(p);
                } catch (DirectoryNotEmptyException | NoSuchFileException kept) {
                    // someone outside the sandbox put something there: it is theirs now
                } catch (IOException e) {
                    // left behind, empty: harmless
                }
            }
        }
    }
}
