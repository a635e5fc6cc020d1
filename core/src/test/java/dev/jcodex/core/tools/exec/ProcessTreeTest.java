package dev.jcodex.core.tools.exec;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Killing a command kills what it started, including processes re-parented away from it. */
class ProcessTreeTest {
    static final long BASE = 100_000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(800_000);

    @Test
    void killReachesGrandchildrenAndOrphans() throws Exception {
        // bash starts two background sleeps and a subshell that orphans a third one, then waits. The durations
        // are this run's own, so another build's test running on the same machine is not counted.
        Process p = new ProcessBuilder(ProcessTree.inOwnGroup(List.of("/bin/bash", "-c",
                "sleep " + BASE + " & sleep " + (BASE + 1) + " & (sleep " + (BASE + 2) + " &) ; wait"))).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sleeps().size() < 3 && System.nanoTime() < deadline) Thread.sleep(20);
        List<ProcessHandle> before = sleeps();
        assertEquals(3, before.size(), "three sleeps started");
        long t0 = System.nanoTime();
        ProcessTree.kill(p.toHandle());
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (before.stream().anyMatch(ProcessTreeTest::running) && System.nanoTime() < until) Thread.sleep(5);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(before.stream().noneMatch(ProcessTreeTest::running), "no sleep survives");
        assertTrue(ms < 1000, "kill took " + ms + " ms");
    }

    /** Alive and not a zombie (an orphan's zombie lingers until init gets round to reaping it). */
    private static boolean running(ProcessHandle h) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + h.pid() + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    /**
     * Our sleeps: the ones with this run's durations, wherever they were re-parented. Only processes whose
     * executable is sleep count: a bash child caught between fork and exec must not be mistaken for one.
     */
    private static List<ProcessHandle> sleeps() {
        return ProcessHandle.allProcesses().filter(h -> h.info().command().map(c -> c.endsWith("/sleep")).orElse(false)
                && h.info().commandLine().map(c -> (c.endsWith("sleep " + BASE) || c.endsWith("sleep " + (BASE + 1))
                        || c.endsWith("sleep " + (BASE + 2)))).orElse(false))
                .filter(ProcessHandle::isAlive).toList();
    }
}
