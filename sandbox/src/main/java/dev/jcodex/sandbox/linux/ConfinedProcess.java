package dev.jcodex.sandbox.linux;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A child started by {@link ThreadConfinedSpawner}. Its waiter is a platform thread of our own, created by an
 * unrestricted thread; the JDK's process reaper is never involved (see the spawner for why).
 */
final class ConfinedProcess extends Process {
    private final int pid;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Object reapLock = new Object();
    private boolean reaped; // guarded by reapLock: after reaping, the pid may belong to someone else

    ConfinedProcess(int pid, OutputStream stdin, InputStream stdout, InputStream stderr) {
        this.pid = pid;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        Thread.ofPlatform().daemon().name("jcodex-sandboxed-" + pid).start(this::awaitExit);
    }

    private void awaitExit() {
        try {
            Syscalls.waitExitedNoReap(pid);
            int code;
            synchronized (reapLock) {
                code = Syscalls.reap(pid);
                reaped = true;
            }
            exit.complete(code);
        } catch (Throwable t) {
            exit.completeExceptionally(t);
        }
    }

    @Override public OutputStream getOutputStream() { return stdin; }
    @Override public InputStream getInputStream() { return stdout; }
    @Override public InputStream getErrorStream() { return stderr; }
    @Override public long pid() { return pid; }
    @Override public boolean isAlive() { return !exit.isDone(); }
    @Override public boolean supportsNormalTermination() { return true; }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + pid + " failed", e.getCause());
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + pid + " failed", e.getCause());
        }
    }

    @Override
    public int exitValue() {
        if (!exit.isDone()) throw new IllegalThreadStateException("process " + pid + " has not exited");
        return exit.join();
    }

    @Override
    public void destroy() { signal(Syscalls.SIGTERM); }

    @Override
    public Process destroyForcibly() {
        signal(Syscalls.SIGKILL);
        return this;
    }

    private void signal(int sig) {
        synchronized (reapLock) {
            if (reaped) return;
            try {
                Syscalls.kill(pid, sig);
            } catch (Syscalls.ErrnoException alreadyGone) {
                // exited between the check and the signal: a zombie we have not reaped yet
            }
        }
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.thenApply(code -> this);
    }

    @Override
    public ProcessHandle toHandle() {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " has exited"));
    }

    @Override
    public Stream<ProcessHandle> children() {
        return isAlive() ? ProcessHandle.of(pid).map(ProcessHandle::children).orElseGet(Stream::empty) : Stream.empty();
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return isAlive() ? ProcessHandle.of(pid).map(ProcessHandle::descendants).orElseGet(Stream::empty) : Stream.empty();
    }

    @Override
    public String toString() {
        return "ConfinedProcess[pid=" + pid + ", exitValue=" + (exit.isDone() ? exit.getNow(null) : "running") + "]";
    }
}
