package dev.jcodex.sandbox.linux;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child started by {@link ThreadConfinedSpawner}. Its waiter is a platform thread of our own, created by an
 * unrestricted thread; the JDK's process reaper is never involved (see the spawner for why).
 */
final class ConfinedProcess extends Process {
    private final ReapedChild child;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;

    ConfinedProcess(ReapedChild child, OutputStream stdin, InputStream stdout, InputStream stderr) {
        this.child = child;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override public OutputStream getOutputStream() { return stdin; }
    @Override public InputStream getInputStream() { return stdout; }
    @Override public InputStream getErrorStream() { return stderr; }
    @Override public long pid() { return child.pid; }
    @Override public boolean isAlive() { return child.isAlive(); }
    @Override public boolean supportsNormalTermination() { return true; }
    @Override public int waitFor() throws InterruptedException { return child.waitFor(); }
    @Override public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException { return child.waitFor(timeout, unit); }
    @Override public int exitValue() { return child.exitValue(); }
    @Override public void destroy() { child.signal(Syscalls.SIGTERM); }

    @Override
    public Process destroyForcibly() {
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
        return "ConfinedProcess[pid=" + child.pid + ", exitValue=" + (child.isAlive() ? "running" : child.exit().getNow(null)) + "]";
    }
}
