package dev.jcodex.sandbox.linux;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Spawns a child from a fresh platform thread that first restricts itself (no_new_privs, Landlock, seccomp):
 * all three are per-thread and inherited by the child. The thread does nothing else and then ends.
 *
 * <p>Why posix_spawn through FFM rather than {@code ProcessBuilder.start()} on that thread: start() hands the
 * child to the JDK's cached "process reaper" pool, and when no reaper is idle it creates one <em>from the
 * calling thread</em>, so the new reaper inherits the restrictions and lives on in the pool. A restricted
 * reaper then completes onExit() futures and wakes virtual threads, which can make it create ForkJoinPool
 * workers or virtual-thread carriers, restricted too: engine code would randomly lose write and network
 * access. Here the restricted thread creates no thread; the waiter is made by the unrestricted caller.
 */
public final class ThreadConfinedSpawner {
    private ThreadConfinedSpawner() {}

    /**
     * What the restricted thread applies to itself before spawning: no_new_privs, every capability dropped for
     * good (so root's exec regains none: no mknod, sethostname, reboot, TIOCSTI on another terminal), then
     * the Landlock ruleset and the seccomp program.
     */
    public record Confinement(int landlockRulesetFd, byte[] seccompProgram) {
        /** Applies to the calling thread only; irreversible, so only ever call it on a throw-away thread. */
        public void applyToCurrentThread() throws IOException {
            Syscalls.setNoNewPrivs();
            Syscalls.dropAllCapabilities();
            if (landlockRulesetFd >= 0) Syscalls.landlockRestrictSelf(landlockRulesetFd);
            if (seccompProgram != null) Syscalls.installSeccompFilter(seccompProgram);
        }
    }

    /** Runs {@code action} on a fresh platform thread after applying {@code c} to it, and waits for it. */
    public static <T> T onConfinedThread(Confinement c, ConfinedAction<T> action) throws IOException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("jcodex-sandbox-spawn").unstarted(() -> {
            try {
                c.applyToCurrentThread();
                result.set(action.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the spawn is short and must not be abandoned half-way
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable f = failure.get();
        if (f instanceof IOException io) throw io;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        if (f != null) throw new IOException(f);
        return result.get();
    }

    @FunctionalInterface
    public interface ConfinedAction<T> {
        T run() throws IOException;
    }

    /**
     * Starts {@code pb}'s command (directory, environment, redirects honoured) confined by {@code c}, or, with
     * {@code c} null, unconfined from the thread that will wait for it (see {@link ReapedChild#spawnOnWaiter}).
     */
    public static Process start(ProcessBuilder pb, Confinement c) throws IOException {
        List<String> cmd = pb.command();
        if (cmd.isEmpty()) throw new IndexOutOfBoundsException("empty command");
        String dir = (pb.directory() != null ? pb.directory() : new File("")).getAbsolutePath();
        List<Integer> parentEnds = new ArrayList<>();  // ours after the spawn
        List<Integer> childEnds = new ArrayList<>();   // closed in the parent after the spawn
        try {
            int[] stdin = stdio(pb.redirectInput(), true, parentEnds, childEnds);
            int[] stdout = stdio(pb.redirectOutput(), false, parentEnds, childEnds);
            int[] stderr = pb.redirectErrorStream()
                    ? new int[] {-1, 1} // dup2(1, 2) after stdout is in place
                    : stdio(pb.redirectError(), false, parentEnds, childEnds);
            String[] argv = cmd.toArray(String[]::new);
            List<String> env = new ArrayList<>();
            for (Map.Entry<String, String> e : pb.environment().entrySet()) env.add(e.getKey() + "=" + e.getValue());
            var req = new Syscalls.SpawnRequest(argv, env.toArray(String[]::new), dir, stdin[1], stdout[1], stderr[1]);
            ReapedChild child;
            try {
                child = c != null ? ReapedChild.watch(onConfinedThread(c, () -> Syscalls.spawn(req)))
                        : ReapedChild.spawnOnWaiter(() -> Syscalls.spawn(req));
            } catch (Syscalls.ErrnoException e) {
                throw new IOException("Cannot run program \"" + argv[0] + "\" (in directory \"" + dir + "\"): error="
                        + e.errno + ", " + Syscalls.strerror(e.errno), e);
            }
            // Reopen before the child ends are closed: opening a pipe through /proc blocks while it has no
            // reader (or writer), and the child may already have exited.
            OutputStream in = stdin[0] >= 0 ? new BufferedOutputStream(OffCarrierStreams.output(new FileOutputStream(reopen(stdin[0]))))
                    : OutputStream.nullOutputStream();
            InputStream out = stdout[0] >= 0 ? new BufferedInputStream(OffCarrierStreams.input(new FileInputStream(reopen(stdout[0]))))
                    : InputStream.nullInputStream();
            InputStream err = stderr[0] >= 0 ? new BufferedInputStream(OffCarrierStreams.input(new FileInputStream(reopen(stderr[0]))))
                    : InputStream.nullInputStream();
            return new ConfinedProcess(child, in, out, err);
        } finally {
            closeAll(childEnds);
            closeAll(parentEnds); // the streams hold their own descriptors, opened through /proc
        }
    }

    /**
     * The descriptor pair {parentEnd, childEnd} for one stdio stream; -1 means none / inherit. Files are opened
     * here, by the unrestricted parent, as ProcessBuilder does, so a redirect target need not be writable
     * inside the sandbox.
     */
    private static int[] stdio(ProcessBuilder.Redirect r, boolean input, List<Integer> parentEnds,
                               List<Integer> childEnds) throws IOException {
        return switch (r.type()) {
            case INHERIT -> new int[] {-1, -1};
            case PIPE -> {
                int[] p = Syscalls.pipe();
                int parent = input ? p[1] : p[0];
                int child = input ? p[0] : p[1];
                parentEnds.add(parent);
                childEnds.add(child);
                yield new int[] {parent, child};
            }
            case READ -> open(r.file(), Syscalls.O_RDONLY, childEnds);
            case WRITE -> open(r.file(), Syscalls.O_WRONLY | Syscalls.O_CREAT | Syscalls.O_TRUNC, childEnds);
            case APPEND -> open(r.file(), Syscalls.O_WRONLY | Syscalls.O_CREAT | Syscalls.O_APPEND, childEnds);
        };
    }

    private static int[] open(File f, int flags, List<Integer> childEnds) throws IOException {
        int fd = Syscalls.open(f.getAbsolutePath(), flags | Syscalls.O_CLOEXEC, 0666);
        childEnds.add(fd);
        return new int[] {-1, fd};
    }

    /** Java has no public way to wrap a raw descriptor; reopening the pipe through /proc gives an owned one. */
    private static File reopen(int fd) {
        return new File("/proc/self/fd/" + fd);
    }

    private static void closeAll(List<Integer> fds) {
        for (int fd : fds) Syscalls.close(fd);
    }
}
