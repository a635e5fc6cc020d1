package dev.jcodex.sandbox;

import dev.jcodex.sandbox.linux.Bubblewrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The fallback path. Its denial tests need bwrap installed (CI installs the bubblewrap package). */
class BubblewrapTest {
    @TempDir Path ws;
    @TempDir Path outside;

    private static Sandbox bwrapOrSkip() {
        Sandbox s = Sandbox.forcing(Mechanism.BUBBLEWRAP);
        assumeTrue(s.mechanism() == Mechanism.BUBBLEWRAP,
                () -> "SKIPPED: bubblewrap fallback not testable here: " + s.unavailableReason().orElse(""));
        return s;
    }

    @Test
    void argvBindsRootsReadWriteAndProtectedPathsReadOnlyAfterThem() throws IOException {
        Files.createDirectories(ws.resolve(".git"));
        var roots = Run.workspaceOnly(false).writableRoots(ws);
        List<String> argv = Bubblewrap.wrap(Path.of("/usr/bin/bwrap"), roots, false, ws, Path.of("/f.bpf"),
                false, List.of("echo", "hi"));
        String real = ws.toRealPath().toString();
        String joined = String.join(" ", argv);
        assertTrue(joined.startsWith("/bin/sh -c "), joined);
        assertTrue(joined.contains("--ro-bind / / --dev /dev"), joined);
        assertTrue(joined.indexOf("--bind " + real + " " + real) < joined.indexOf("--ro-bind " + real + "/.git"), joined);
        assertFalse(joined.contains(real + "/.codex"), "a missing path cannot be bound");
        assertTrue(joined.contains("--unshare-net") && joined.contains("--seccomp 3"), joined);
        assertTrue(joined.endsWith("--chdir " + ws + " -- echo hi"), joined);
        assertTrue(argv.contains("--new-session"), "pipes: guard the user's terminal against TIOCSTI");
        List<String> withNet = Bubblewrap.wrap(Path.of("/usr/bin/bwrap"), roots, true, ws, null, true, List.of("true"));
        assertEquals("/usr/bin/bwrap", withNet.get(0));
        assertFalse(withNet.contains("--unshare-net"));
        assertFalse(withNet.contains("--new-session"), "a pty command keeps its own terminal as controlling terminal");
    }

    @Test
    void bubblewrapDeniesWhatLandlockDenies() throws IOException {
        Sandbox s = bwrapOrSkip();
        Files.createDirectories(ws.resolve(".git/hooks"));
        Run r = Run.bash(s, Run.workspaceOnly(false), ws, String.join("; ",
                "echo in > new-top-level && echo in-ok", "echo x > '" + outside + "/x'", "echo x > .git/hooks/pre-commit",
                "echo x > /dev/null && echo null-ok", "exit 0"));
        assertTrue(r.out().contains("in-ok") && r.out().contains("null-ok"), r.out() + r.err());
        assertFalse(Files.exists(outside.resolve("x")));
        assertFalse(Files.exists(ws.resolve(".git/hooks/pre-commit")));
        assertTrue(Files.exists(ws.resolve("new-top-level")));
    }

    @Test
    void gitWorkspacesGoThroughBubblewrapNextToLandlock() throws IOException {
        Sandbox s = Sandbox.system();
        assumeTrue(s.bubblewrapForProtectedPaths(), () -> "SKIPPED: system sandbox has no bubblewrap: " + s.describe());
        Files.createDirectories(ws.resolve(".git/hooks"));
        Run r = Run.bash(s, Run.workspaceOnly(false), ws,
                "mkdir target && echo x > target/out && echo build-ok; echo x > .git/hooks/pre-commit; exit 0");
        assertTrue(r.out().contains("build-ok"), r.out() + r.err());
        assertFalse(Files.exists(ws.resolve(".git/hooks/pre-commit")));
    }

    /**
     * A bind mount needs a mount point: a missing .codex/.agents/.git gets an empty placeholder bound read-only
     * for the command's lifetime, removed after. Both routes: bubblewrap alone, and next to Landlock for a git
     * workspace (whose .codex and .agents are missing).
     */
    @Test
    void missingProtectedNamesCannotBeCreatedUnderBubblewrap() throws Exception {
        String script = "for n in .codex .agents .git; do mkdir $n && echo made $n; mkdir -p $n/x && echo made $n/x; "
                + "echo x > $n/config.toml && echo wrote $n; rmdir $n && echo removed $n; done; "
                + "mkdir target && echo build-ok; exit 0";
        Sandbox alone = Sandbox.forcing(Mechanism.BUBBLEWRAP);
        assumeTrue(alone.mechanism() == Mechanism.BUBBLEWRAP, () -> "SKIPPED: bubblewrap unavailable: " + alone.unavailableReason().orElse(""));
        Run r = Run.bash(alone, Run.workspaceOnly(false), ws, script);
        assertFalse(r.out().contains("made") || r.out().contains("wrote") || r.out().contains("removed"), r.out() + r.err());
        assertTrue(r.out().contains("build-ok"), r.out() + r.err());
        // released when the exit is reported, which may trail waitFor() by a moment
        for (int i = 0; i < 200 && SandboxPolicy.PROTECTED_NAMES.stream().anyMatch(n -> Files.exists(ws.resolve(n))); i++) {
            Thread.sleep(10);
        }
        for (String n : SandboxPolicy.PROTECTED_NAMES) assertFalse(Files.exists(ws.resolve(n)), n + " left behind");

        Sandbox s = Sandbox.system();
        if (!s.bubblewrapForProtectedPaths()) return;
        Path repo = Files.createDirectories(ws.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        r = Run.bash(s, Run.workspaceOnly(false), repo, script.replace("target", "target2"));
        assertFalse(r.out().contains("made .codex") || r.out().contains("wrote .codex") || r.out().contains("made .agents"),
                r.out() + r.err());
        assertTrue(r.out().contains("build-ok"), r.out() + r.err());
        for (int i = 0; i < 200 && (Files.exists(repo.resolve(".codex")) || Files.exists(repo.resolve(".agents"))); i++) {
            Thread.sleep(10);
        }
        assertFalse(Files.exists(repo.resolve(".codex")) || Files.exists(repo.resolve(".agents")));
    }

    /**
     * The seccomp program bwrap reads must be out of reach of the commands it confines: a program file under /tmp
     * (root-owned, 0600) was rewritten by one command (uid 0 needs no capability for its own file) and the next
     * command ran with what it left there, here an allow-everything program.
     */
    @Test
    void aCommandCannotReplaceTheSeccompProgramOfTheNext() throws IOException {
        Sandbox s = Sandbox.forcing(Mechanism.BUBBLEWRAP);
        assumeTrue(s.mechanism() == Mechanism.BUBBLEWRAP, () -> "SKIPPED: bubblewrap unavailable: " + s.unavailableReason().orElse(""));
        assumeTrue(seccompWorks(), "SKIPPED: no seccomp here");
        SandboxPolicy withTmp = SandboxPolicy.workspaceWrite(List.of(), true, true, false);
        Path program = s.bubblewrapSeccompProgram();
        assertNotNull(program);
        Run tamper = Run.bash(s, withTmp, ws, "printf '\\006\\000\\000\\000\\000\\000\\377\\177' > "
                + program + " && echo replaced; exit 0");
        assertEquals(0, tamper.exit(), tamper.err());
        Run r = Run.bash(s, Run.workspaceOnly(false), ws,
                "perl -MSocket -e 'socket(my $s, PF_INET6, SOCK_DGRAM, 0) or die \"inet6: $!\\n\"; print \"socket-ok\\n\"'");
        assertTrue(r.err().contains("inet6: Operation not permitted"), tamper.out() + r.out() + r.err());
    }

    @Test
    void bubblewrapDeniesInetSockets() throws IOException {
        Sandbox s = bwrapOrSkip();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = Run.bash(s, Run.workspaceOnly(false), ws,
                    "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo connected");
            assertNotEquals(0, r.exit());
            assertFalse(r.out().contains("connected"));
            if (seccompWorks()) assertTrue(r.err().contains("Operation not permitted"), r.err());
        }
    }

    /** With seccomp, bwrap gets our filter too, so the failure is EPERM rather than an unreachable network. */
    private static boolean seccompWorks() {
        try {
            dev.jcodex.sandbox.linux.Syscalls.seccompMode();
            return true;
        } catch (IOException | LinkageError e) {
            return false;
        }
    }

    @Test
    void aCommandOutlivesTheThreadThatStartedIt() throws Exception {
        // bwrap --die-with-parent follows the spawning *thread*: a command started from a short-lived thread (or a
        // virtual thread's carrier that retires) must not die with it.
        Sandbox s = bwrapOrSkip();
        Process[] started = new Process[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                Process p = s.start(new ProcessBuilder("bash", "-c", "echo started; read line; echo still-$line"),
                        Run.workspaceOnly(false), ws);
                started[0] = p;
                // once the command runs, bwrap has armed its parent-death signal; now this thread ends
                byte[] first = new byte["started\n".length()];
                assertEquals("started\n", new String(first, 0, p.getInputStream().readNBytes(first, 0, first.length)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.join();
        Process p = started[0];
        p.getOutputStream().write("alive\n".getBytes());
        p.getOutputStream().flush();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("still-alive\n", out);
        assertEquals(0, p.exitValue());
    }
}
