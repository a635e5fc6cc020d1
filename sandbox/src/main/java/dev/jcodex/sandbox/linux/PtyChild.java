package dev.jcodex.sandbox.linux;

import dev.jcodex.sandbox.PtyProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A session leader on a pseudo-terminal of ours (see {@link PtySpawner}). */
final class PtyChild extends PtyProcess {
    private final ReapedChild child;
    private final PtyMaster master;

    PtyChild(ReapedChild child, PtyMaster master) {
        this.child = child;
        this.master = master;
    }

    @Override public String terminalName() { return master.slavePath(); }
    @Override public void resize(int rows, int cols) throws IOException { master.resize(rows, cols); }
    @Override public int[] size() throws IOException { return master.size(); }
    @Override public void closeTerminal() { master.close(); }

    @Override public OutputStream getOutputStream() { return master.output(); }
    @Override public InputStream getInputStream() { return master.input(); }
    @Override public InputStream getErrorStream() { return InputStream.nullInputStream(); }
    @Override public long pid() { return child.pid; }
    @Override public boolean isAlive() { return child.isAlive(); }
    @Override public boolean supportsNormalTermination() { return true; }
    @Override public int waitFor() throws InterruptedException { return child.waitFor(); }
    @Override public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException { return child.waitFor(timeout, unit); }
    @Override public int exitValue() { return child.exitValue(); }

    @Override
    public void destroy() {
        child.signalGroup(Syscalls.SIGTERM);
        child.signal(Syscalls.SIGTERM);
    }

    @Override
    public Process destroyForcibly() {
        child.signalGroup(Syscalls.SIGKILL);
        child.signal(Syscalls.SIGKILL);
        return this;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return child.exit().thenApply(code -> this);
    }

    @Override public ProcessHandle toHandle() { return child.handle(); }
    @Override public Stream<ProcessHandle> children() { return child.children(); }
    @Override public Stream<ProcessHandle> descendants() { return child.descendants(); }

    @Override
    public String toString() {
        return "PtyProcess[pid=" + child.pid + ", tty=" + master.slavePath() + ", exitValue="
                + (child.isAlive() ? "running" : child.exit().getNow(null)) + "]";
    }
}
