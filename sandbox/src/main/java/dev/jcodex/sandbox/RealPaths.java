package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Path resolution as the kernel does it for a write: component by component, following every symlink. */
final class RealPaths {
    private RealPaths() {}

    private static final int MAX_SYMLINKS = 40; // the kernel's ELOOP limit

    /**
     * The real path a write to {@code absolute} would touch: existing components resolved (a {@code ..} after a
     * symlink goes up from the link's target, not lexically), a final symlink followed (open(O_CREAT) follows
     * it), missing trailing components appended. Empty when resolution fails (a loop, or {@code ..} below a
     * missing directory), which callers treat as "not writable".
     */
    static Optional<Path> resolveForWrite(Path absolute) {
        Deque<String> pending = new ArrayDeque<>();
        for (Path name : absolute) pending.addLast(name.toString());
        Path current = absolute.getRoot();
        boolean missing = false;
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.equals(".")) continue;
            if (name.equals("..")) {
                if (missing) return Optional.empty(); // the kernel fails with ENOENT here
                Path parent = current.getParent();
                current = parent != null ? parent : current;
                continue;
            }
            Path next = current.resolve(name);
            if (!missing && Files.isSymbolicLink(next)) {
                if (++links > MAX_SYMLINKS) return Optional.empty();
                Path target;
                try {
                    target = Files.readSymbolicLink(next);
                } catch (IOException e) {
                    return Optional.empty();
                }
                Deque<String> expanded = new ArrayDeque<>();
                for (Path t : target) expanded.addLast(t.toString());
                while (!expanded.isEmpty()) pending.addFirst(expanded.removeLast());
                if (target.isAbsolute()) current = target.getRoot();
                continue;
            }
            if (!missing && !Files.exists(next, LinkOption.NOFOLLOW_LINKS)) missing = true;
            current = next;
        }
        return Optional.of(current);
    }
}
