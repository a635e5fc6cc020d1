package dev.jcodex.sandbox.linux;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child of ours, waited for and reaped by a platform thread of our own (never the JDK's process reaper,
 * see {@link ThreadConfinedSpawner}). Signals reach it only while it is unreaped, so a reused pid is never hit.
 */
final class ReapedChild {
    final int pid;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Object reapLock = new Object();
    private boolean reaped; // guarded by reapLock: after reaping, the pid may belong to someone else

    private ReapedChild(int pid) {
        this.pid = pid;
    }

    /** Starts the waiter for an already spawned child. */
    static ReapedChild watch(int pid) {
        ReapedChild child = new ReapedChild(pid);
        Thread.ofPlatform().daemon().name("jcodex-sandboxed-" + pid).start(child::awaitExit);
        return child;
    }

    /** What spawns the child; runs on the thread that will then wait for it. */
    @FunctionalInterface
    interface Spawn {
        int run() throws java.io.IOException;
    }

    /**
     * Spawns on the waiter thread itself, so the child's parent thread lives exactly as long as the child: a
     * parent-death signal (bubblewrap's --die-with-parent) fires when the spawning <em>thread</em> ends.
     */
    static ReapedChild spawnOnWaiter(Spawn spawn) throws java.io.IOException {
        CompletableFuture<ReapedChild> started = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("jcodex-child-waiter").start(() -> {
            ReapedChild child;
            try {
                child = new ReapedChild(spawn.run());
            } catch (Throwable t) {
                started.completeExceptionally(t);
                return;
            }
            Thread.currentThread().setName("jcodex-child-" + child.pid);
            started.complete(child);
            child.awaitExit();
        });
        try {
            return started.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new java.io.IOException(e.getCause());
        }
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

    boolean isAlive() { return !exit.isDone(); }

    ProcessHandle handle() {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " has exited"));
    }

    /** The child's children (empty once it exited: its pid may be reused). */
    java.util.stream.Stream<ProcessHandle> children() {
        return isAlive() ? ProcessHandle.of(pid).map(ProcessHandle::children).orElseGet(java.util.stream.Stream::empty)
                : java.util.stream.Stream.empty();
    }

    java.util.stream.Stream<ProcessHandle> descendants() {
        return isAlive() ? ProcessHandle.of(pid).map(ProcessHandle::descendants).orElseGet(java.util.stream.Stream::empty)
                : java.util.stream.Stream.empty();
    }

    CompletableFuture<Integer> exit() { return exit; }

    int waitFor() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + pid + " failed", e.getCause());
        }
    }

    boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + pid + " failed", e.getCause());
        }
    }

    int exitValue() {
        if (!exit.isDone()) throw new IllegalThreadStateException("process " + pid + " has not exited");
        return exit.join();
    }

    /** Sends {@code sig} to the child unless it is already reaped. */
    void signal(int sig) {
        synchronized (reapLock) {
            if (reaped) return;
            try {
                Syscalls.kill(pid, sig);
            } catch (Syscalls.ErrnoException alreadyGone) {
                // exited between the check and the signal: a zombie we have not reaped yet
            }
        }
    }

    /**
     * Sends {@code sig} to the process group the child leads (it was spawned as a session leader). While the
     * leader is unreaped its pid cannot be reused; after that the group id stays reserved as long as any member
     * lives, so the signal can only reach a stranger if the group emptied and its number was handed to a new
     * group leader in between, which is why this is tried only once, when asked to terminate.
     */
    void signalGroup(int sig) {
        try {
            Syscalls.kill(-pid, sig);
        } catch (Syscalls.ErrnoException noSuchGroup) {
            // every member is gone already
        }
    }
}
