package dev.jcodex.sandbox.linux;

import dev.jcodex.sandbox.PtyProcess;
import dev.jcodex.sandbox.linux.ThreadConfinedSpawner.Confinement;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Starts a command on a new pseudo-terminal: posix_openpt/grantpt/unlockpt by the daemon, then posix_spawn with
 * POSIX_SPAWN_SETSID and a file action that opens the slave onto 0/1/2 (a session leader opening a terminal
 * acquires it as its controlling terminal), so the child and everything it starts share one process group that
 * gets the terminal's signals (SIGWINCH on resize, ^C, hangup).
 *
 * <p>The slave is opened by the child, after its confinement applies: the Landlock ruleset grants /dev/pts.
 */
public final class PtySpawner {
    private PtySpawner() {}

    /**
     * Starts {@code pb}'s command (directory and environment honoured, redirects ignored) on a terminal of
     * {@code size}, confined by {@code c}, or unconfined when {@code c} is null.
     */
    public static PtyProcess start(ProcessBuilder pb, Confinement c, PtyProcess.Size size) throws IOException {
        return start(pb, c, size, UnaryOperator.identity());
    }

    /** As {@link #start(ProcessBuilder, Confinement, PtyProcess.Size)}, the spawn request adjusted (namespace helper). */
    static PtyProcess start(ProcessBuilder pb, Confinement c, PtyProcess.Size size,
                            UnaryOperator<Syscalls.SpawnRequest> adjust) throws IOException {
        List<String> cmd = pb.command();
        if (cmd.isEmpty()) throw new IndexOutOfBoundsException("empty command");
        var unsupported = Syscalls.spawnUnsupportedReason();
        if (unsupported.isPresent()) throw new IOException("cannot start a command on a terminal: " + unsupported.get());
        String dir = (pb.directory() != null ? pb.directory() : new File("")).getAbsolutePath();
        String[] argv = cmd.toArray(String[]::new);
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : pb.environment().entrySet()) env.add(e.getKey() + "=" + e.getValue());

        Syscalls.OpenedPty pty = Syscalls.openPty();
        PtyMaster master;
        try {
            master = new PtyMaster(pty.masterFd(), pty.slavePath());
        } catch (IOException e) {
            Syscalls.close(pty.masterFd());
            throw e;
        }
        try {
            Syscalls.setWindowSize(pty.masterFd(), size.rows(), size.cols());
            var req = adjust.apply(
                    new Syscalls.SpawnRequest(argv, env.toArray(String[]::new), dir, -1, -1, -1, pty.slavePath()));
            ReapedChild child;
            if (c != null) {
                // confined: spawned from a throw-away restricted thread, waited for by an unrestricted one
                int pid = ThreadConfinedSpawner.onConfinedThread(c, () -> Syscalls.spawn(req));
                child = ReapedChild.watch(pid);
            } else {
                child = ReapedChild.spawnOnWaiter(() -> Syscalls.spawn(req));
            }
            master.startReader();
            return new PtyChild(child, master);
        } catch (Syscalls.ErrnoException e) {
            master.closeDescriptors();
            throw new IOException("Cannot run program \"" + argv[0] + "\" (in directory \"" + dir + "\"): error="
                    + e.errno + ", " + Syscalls.strerror(e.errno), e);
        } catch (IOException | RuntimeException | Error e) {
            master.closeDescriptors();
            throw e;
        }
    }
}
