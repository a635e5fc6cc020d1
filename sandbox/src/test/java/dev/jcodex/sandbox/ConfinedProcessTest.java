package dev.jcodex.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Process we hand back behaves like ProcessBuilder's, and no restricted thread outlives a spawn. */
class ConfinedProcessTest {
    static Sandbox sandbox;

    @TempDir Path ws;
    @TempDir Path outside;

    @BeforeAll
    static void landlock() {
        sandbox = Sandbox.forcing(Mechanism.LANDLOCK_SECCOMP);
        assumeTrue(sandbox.mechanism() == Mechanism.LANDLOCK_SECCOMP,
                () -> "Landlock/seccomp unavailable on this kernel: " + sandbox.unavailableReason().orElse(""));
    }

    private Process start(ProcessBuilder pb) throws IOException {
        return sandbox.start(pb, Run.workspaceOnly(false), ws);
    }

    @Test
    void stdinStdoutStderrAreSeparatePipes() throws Exception {
        Process p = start(new ProcessBuilder("bash", "-c", "tr a-z A-Z; echo oops >&2; exit 3"));
        try (OutputStream in = p.getOutputStream()) {
            in.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("HELLO\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("oops\n", new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(3, p.waitFor());
        assertEquals(3, p.exitValue());
        assertFalse(p.isAlive());
        assertEquals(p, p.onExit().get(5, TimeUnit.SECONDS));
    }

    @Test
    void redirectErrorStreamMergesAndDefaultDirectoryIsTheWorkspace() throws Exception {
        Process p = start(new ProcessBuilder("bash", "-c", "pwd; echo err >&2").redirectErrorStream(true));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(ws.toRealPath() + "\nerr\n", out);
    }

    @Test
    void fileRedirectsAreOpenedByTheDaemonNotTheSandbox() throws Exception {
        // the log lies outside the writable roots: the parent opens it, as ProcessBuilder does
        Path log = outside.resolve("log.txt");
        Process p = start(new ProcessBuilder("bash", "-c", "echo logged; echo x > '" + outside + "/direct'")
                .redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD));
        assertEquals(1, p.waitFor());
        assertEquals("logged\n", Files.readString(log));
        assertFalse(Files.exists(outside.resolve("direct")));
    }

    @Test
    void destroyAndTimeoutsWork() throws Exception {
        Process p = start(new ProcessBuilder("sleep", "30"));
        assertFalse(p.waitFor(50, TimeUnit.MILLISECONDS));
        assertThrows(IllegalThreadStateException.class, p::exitValue);
        assertTrue(p.toHandle().isAlive());
        p.destroyForcibly();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals(128 + 9, p.exitValue());
        p.destroy(); // after reaping: must not signal a reused pid, and must not throw
    }

    @Test
    void missingProgramFailsLikeProcessBuilder() {
        IOException e = assertThrows(IOException.class,
                () -> start(new ProcessBuilder("no-such-program-jcodex")));
        assertTrue(e.getMessage().contains("error=2"), e.getMessage());
    }

    @Test
    void descriptorsOfTheDaemonDoNotLeakIntoTheChild() throws Exception {
        try (var held = Files.newOutputStream(outside.resolve("held"))) {
            Process p = start(new ProcessBuilder("bash", "-c", "ls /proc/self/fd"));
            String fds = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, p.waitFor());
            // 0-2 plus the one ls opens to list the directory
            assertEquals(List.of("0", "1", "2", "3"), List.of(fds.split("\\s+")), fds);
        }
    }

    @Test
    void noRestrictedThreadOutlivesTheSpawns() throws Exception {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 5; i++) ps.add(start(new ProcessBuilder("true")));
        for (Process p : ps) p.waitFor();
        for (Process p : ps) p.onExit().get(5, TimeUnit.SECONDS);
        assertEquals("0", field("/proc/thread-self/status", "NoNewPrivs"));
        // a restricted thread only lingers while the kernel tears it down; anything longer is a leak
        List<String> restricted = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            restricted = restrictedThreads();
            if (restricted.isEmpty()) break;
            Thread.sleep(20);
        }
        assertEquals(List.of(), restricted);
    }

    @Test
    void concurrentSpawnsFromVirtualThreadsAreEachConfined() throws Exception {
        try (var exec = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                runs.add(exec.submit(() -> Run.bash(sandbox, Run.workspaceOnly(false), ws,
                        "echo " + n + " > in-" + n + " && echo x > '" + outside + "/out-" + n + "'; echo $?")));
            }
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i).get(30, TimeUnit.SECONDS);
                assertEquals("1\n", r.out(), r.err());
                assertEquals(i + "\n", Files.readString(ws.resolve("in-" + i)));
            }
        }
        try (Stream<Path> leaked = Files.list(outside)) {
            assertEquals(List.of(), leaked.toList());
        }
        // carriers must have stayed unrestricted: a virtual thread writes outside the roots afterwards
        var wrote = new java.util.concurrent.CompletableFuture<Void>();
        Thread.ofVirtual().start(() -> {
            try {
                Files.writeString(outside.resolve("after"), "daemon still writes");
                wrote.complete(null);
            } catch (Throwable t) {
                wrote.completeExceptionally(t);
            }
        });
        wrote.get(5, TimeUnit.SECONDS);
    }

    private static List<String> restrictedThreads() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (!"0".equals(field(t.resolve("status").toString(), "NoNewPrivs"))) {
                        out.add(Files.readString(t.resolve("comm")).strip());
                    }
                } catch (IOException exited) {
                    // the thread ended while we looked
                }
            }
        }
        return out;
    }

    private static String field(String statusFile, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of(statusFile))) {
            if (line.startsWith(name + ":")) return line.substring(name.length() + 1).strip();
        }
        throw new IOException(name + " not in " + statusFile);
    }

    /**
     * Virtual threads blocked reading silent children must not hold their carriers: with one reader more than
     * there are carriers, another virtual thread still runs at once (it froze the whole daemon before).
     */
    @Test
    void silentChildrenReadOnVirtualThreadsLeaveCarriersFree() throws Exception {
        int readers = Runtime.getRuntime().availableProcessors() + 1;
        List<Process> children = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                Process p = start(new ProcessBuilder("bash", "-c", "read line; echo \"got $line\""));
                children.add(p);
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        p.getInputStream().readAllBytes();
                    } catch (IOException ignored) {
                        // the test's end kills the child
                    }
                }));
            }
            Thread.sleep(300); // let every reader block in its read
            java.util.concurrent.CompletableFuture<Boolean> ran = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> ran.complete(true));
            assertTrue(ran.completeOnTimeout(false, 5, TimeUnit.SECONDS).get(),
                    "a virtual thread ran while " + readers + " virtual threads waited on silent pipes");
            // and the readers still get their data
            Process first = children.getFirst();
            first.getOutputStream().write("x\n".getBytes(StandardCharsets.UTF_8));
            first.getOutputStream().flush();
            assertEquals(0, first.waitFor());
            threads.getFirst().join(5000);
            assertFalse(threads.getFirst().isAlive());
        } finally {
            for (Process p : children) p.destroyForcibly();
            for (Thread t : threads) t.join(5000);
        }
    }
}
