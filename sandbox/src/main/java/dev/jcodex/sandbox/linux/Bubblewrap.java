package dev.jcodex.sandbox.linux;

import dev.jcodex.sandbox.SandboxPolicy.WritableRoot;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fallback: wrap the command in {@code bwrap}, as Codex 0.169 does. / is bound read-only, each writable
 * root read-write, and protected paths inside them read-only again (mount order makes the later bind win,
 * which Landlock cannot express). Network off adds a private network namespace. The seccomp program of the
 * Landlock path (network on or off) goes in through {@code --seccomp FD} when we have one, so inet sockets
 * and unix connects fail with EPERM here too, and TIOCSTI is denied.
 */
public final class Bubblewrap {
    private Bubblewrap() {}

    /**
     * bwrap's argv for {@code command}; {@code seccompFile} (or null) is read by a shell into fd 3 first.
     * {@code terminal}: the command runs on a pseudo-terminal of its own, which it must keep as its controlling
     * terminal, so no {@code --new-session}. That option guards the user's terminal against TIOCSTI injection;
     * a private pty's input comes back to the sandboxed command itself, so there is nothing to guard.
     */
    public static List<String> wrap(Path bwrap, List<WritableRoot> roots, boolean network, Path cwd,
                                    Path seccompFile, boolean terminal, List<String> command) {
        List<String> argv = new ArrayList<>();
        if (seccompFile != null) {
            // bwrap takes the filter as an open descriptor; ProcessBuilder passes only 0-2, so a shell opens it.
            argv.addAll(List.of("/bin/sh", "-c", "exec 3<\"$1\" && shift && exec \"$@\"", "sh",
                    seccompFile.toString()));
        }
        argv.add(bwrap.toString());
        if (!terminal) argv.add("--new-session");
        argv.addAll(List.of("--die-with-parent", "--ro-bind", "/", "/", "--dev", "/dev",
                "--unshare-pid", "--proc", "/proc"));
        if (!network) argv.add("--unshare-net");
        for (WritableRoot r : roots) argv.addAll(List.of("--bind", r.root().toString(), r.root().toString()));
        for (WritableRoot r : roots) {
            for (Path p : r.readOnlySubpaths()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p)) {
                    argv.addAll(List.of("--ro-bind", p.toString(), p.toString()));
                }
            }
        }
        if (seccompFile != null) argv.addAll(List.of("--seccomp", "3"));
        argv.addAll(List.of("--chdir", cwd.toString(), "--"));
        argv.addAll(command);
        return argv;
    }
}
