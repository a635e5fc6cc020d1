package dev.jcodex.appserver.handlers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started command/exec process: its stdin (when streamed) and how to kill it with its whole tree. With a tty
 * the process is a {@link dev.jcodex.sandbox.PtyProcess}: closing stdin sends the terminal's end-of-file, and
 * destroying it signals the whole process group it leads.
 */
final class RunningExec {
    private volatile Process process;
    private final AtomicBoolean killed = new AtomicBoolean();
    final boolean streamStdin;
    final boolean tty;

    RunningExec(boolean streamStdin, boolean tty) {
        this.streamStdin = streamStdin;
        this.tty = tty;
    }

    void attach(Process p) {
        this.process = p;
        if (killed.get()) killTree(p);
    }

    Process process() { return process; }

    boolean wasKilled() { return killed.get(); }

    void write(byte[] data, boolean close) throws IOException {
        Process p = process;
        if (p == null) throw new IOException("process not started");
        OutputStream in = p.getOutputStream();
        if (data.length > 0) {
            in.write(data);
            in.flush();
        }
        if (close) in.close();
    }

    /**
     * SIGKILL to the process and every descendant (a shell's children too), as interrupt does for tools; on a
     * terminal also to its process group (children that were re-parented when an intermediate shell exited).
     */
    void kill() {
        killed.set(true);
        Process p = process;
        if (p != null) killTree(p);
    }

    private static void killTree(Process p) {
        // The root first (on a terminal: its whole group), so a shell cannot go on to its next command and exit
        // normally between the deaths of its children and its own; the descendants are listed before that, while
        // they are still reachable from it.
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
