package dev.jcodex.sandbox;

import dev.jcodex.sandbox.linux.NamespaceHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The namespace helper (the default mechanism where user namespaces work): what Landlock + seccomp alone could
 * not give. Each of these fails under {@code Sandbox.forcing(Mechanism.LANDLOCK_SECCOMP)}, today's path without
 * bubblewrap (checked by running them against it).
 */
class NamespaceSandboxTest {
    static Sandbox sandbox;

    @TempDir Path ws;
    @TempDir Path outside;

    @BeforeAll
    static void namespaces() {
        sandbox = Sandbox.forcing(Mechanism.NAMESPACES);
        assumeTrue(sandbox.mechanism() == Mechanism.NAMESPACES,
                () -> "user namespaces unavailable here: " + sandbox.unavailableReason().orElse(""));
    }

    private Run run(SandboxPolicy policy, String script) throws IOException {
        return Run.bash(sandbox, policy, ws, script);
    }

    /** A number no other process on the machine has on its command line. */
    private static String marker() {
        return "3" + ThreadLocalRandom.current().nextInt(100, 999) + "." + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    private static boolean anyProcessWith(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(marker)
                || p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false));
    }

    private static void awaitGone(String marker) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (anyProcessWith(marker) && System.nanoTime() < end) Thread.sleep(20);
        assertFalse(anyProcessWith(marker), "a process with " + marker + " outlived its command");
    }

    /** Placeholders are removed just after the command's exit is reported. */
    private static void awaitRemoved(Path p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && System.nanoTime() < end) Thread.sleep(10);
        assertFalse(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), p + " left behind");
    }

    // ---- issue item 7: top-level entries in a git repository ------------------------------------------------

    @Test
    void topLevelFilesAndFoldersCanBeCreatedInAGitRepoWhileDotGitStaysReadOnly() throws IOException {
        Path config = Files.writeString(Files.createDirectories(ws.resolve(".git")).resolve("config"), "[core]\n");
        Run r = run(Run.workspaceOnly(false), "mkdir target && echo {} > package.json && mkdir -p node_modules/x"
                + " && mv package.json p.json && rm p.json && echo ok; echo bad >> .git/config; touch .git/new; exit 0");
        assertTrue(r.out().contains("ok"), r.err());
        assertTrue(Files.isDirectory(ws.resolve("target")));
        assertTrue(Files.isDirectory(ws.resolve("node_modules/x")));
        assertEquals("[core]\n", Files.readString(config));
        assertFalse(Files.exists(ws.resolve(".git/new")));
        assertTrue(r.err().contains("Read-only file system"), r.err());
    }

    @Test
    void dotGitCannotBeRenamedOrRemoved() throws IOException {
        Files.createDirectories(ws.resolve(".git/hooks"));
        Run r = run(Run.workspaceOnly(false), "mv .git moved; rm -rf .git; ls -a");
        assertTrue(Files.isDirectory(ws.resolve(".git/hooks")));
        assertFalse(Files.exists(ws.resolve("moved")));
    }

    // ---- issue item 2: protected names that do not exist -----------------------------------------------------

    @Test
    void missingDotCodexAndDotAgentsCannotBeCreatedAndLeaveNoTrace() throws Exception {
        Run r = run(Run.workspaceOnly(false), "mkdir -p .codex; echo 'sandbox_mode=\"danger-full-access\"' > .codex/config.toml;"
                + " mkdir .agents; touch .agents/x; ln -s /tmp .codex2 && mv -T .codex2 .codex; echo done");
        assertTrue(r.out().contains("done"), r.err());
        assertFalse(Files.exists(ws.resolve(".codex/config.toml")), r.err());
        awaitRemoved(ws.resolve(".codex"));
        awaitRemoved(ws.resolve(".agents"));
    }

    @Test
    void aPlaceholderStaysWhileAnotherCommandStillReliesOnIt() throws Exception {
        // A ends first; B must stay protected after A's helper has cleaned up.
        ProcessBuilder a = new ProcessBuilder("bash", "-c", "sleep 0.5");
        ProcessBuilder b = new ProcessBuilder("bash", "-c",
                "sleep 1.5; mkdir -p .codex/x; echo y > .codex/config.toml; ls -la .codex; exit 0");
        Process pa = sandbox.start(a, Run.workspaceOnly(false), ws);
        Thread.sleep(200);
        Process pb = sandbox.start(b.redirectErrorStream(true), Run.workspaceOnly(false), ws);
        assertTrue(pa.waitFor(10, TimeUnit.SECONDS));
        String out = new String(pb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pb.waitFor(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(ws.resolve(".codex/config.toml")), out);
        assertFalse(Files.exists(ws.resolve(".codex/x")), out);
        awaitRemoved(ws.resolve(".codex")); // the last command out removes the placeholder
    }

    @Test
    void aWritableRootReplacedByASymlinkIsNotFollowed() throws IOException {
        // a configured root inside cwd, which an earlier command replaced with a link to a directory outside
        Files.createSymbolicLink(ws.resolve("build"), outside);
        SandboxPolicy policy = SandboxPolicy.workspaceWrite(List.of(Path.of("build")), false, true, true);
        Path target = outside.toRealPath();
        assertTrue(policy.writableRoots(ws).stream().noneMatch(r -> r.root().startsWith(target)),
                policy.writableRoots(ws).toString());
        run(policy, "echo x > build/planted; exit 0");
        assertFalse(Files.exists(outside.resolve("planted")));
    }

    @Test
    void aWritableRootThatIsAFileWorks() throws IOException {
        Path file = Files.writeString(outside.resolve("log.txt"), "");
        Run r = run(Run.workspaceOnly(false, file), "echo line >> '" + file + "' && echo ok");
        assertEquals("ok\n", r.out(), r.err());
        assertEquals("line\n", Files.readString(file));
    }

    @Test
    void anExistingDotCodexStaysReadOnlyAndIsKept() throws IOException {
        Path cfg = Files.writeString(Files.createDirectories(ws.resolve(".codex")).resolve("config.toml"), "x = 1\n");
        Run r = run(Run.workspaceOnly(false), "echo 'y = 2' >> .codex/config.toml; rm -f .codex/config.toml; cat .codex/config.toml");
        assertEquals("x = 1\n", r.out(), r.err());
        assertEquals("x = 1\n", Files.readString(cfg));
    }

    // ---- issue item 6: metadata ---------------------------------------------------------------------------------

    @Test
    void metadataOutsideTheWritableRootsCannotChange() throws IOException {
        Path f = Files.writeString(outside.resolve("victim"), "v");
        FileTime before = Files.getLastModifiedTime(f);
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
        Run r = run(Run.workspaceOnly(false), "chmod 4777 '" + f + "'; chown 12345 '" + f + "'; touch -d 2001-01-01 '" + f
                + "'; python3 -c 'import os,sys; os.setxattr(sys.argv[1], \"user.x\", b\"1\")' '" + f + "'; exit 0");
        assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), r.err());
        assertEquals(before, Files.getLastModifiedTime(f));
        assertTrue(r.err().contains("Read-only file system"), r.err());
        assertFalse(r.err().contains("Traceback") && !r.err().contains("Read-only file system"), r.err());
    }

    @Test
    void readOnlyPolicyKeepsTheWorkspacesMetadataToo() throws IOException {
        Path f = Files.writeString(ws.resolve("file"), "v");
        FileTime before = Files.getLastModifiedTime(f);
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
        Run r = run(SandboxPolicy.readOnly(false), "chmod 777 file; touch -d 2001-01-01 file;"
                + " python3 -c 'import os; os.setxattr(\"file\", \"user.x\", b\"1\")' 2>&1 | tail -1; exit 0");
        assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), r.err());
        assertEquals(before, Files.getLastModifiedTime(f));
        assertTrue(r.out().contains("Read-only file system"), "setxattr: " + r.out());
    }

    // ---- issue item 6: /proc, /dev, capabilities ------------------------------------------------------------

    @Test
    void otherProcessesAreInvisibleInProc() throws IOException {
        long daemon = ProcessHandle.current().pid();
        Run r = run(Run.workspaceOnly(false), "cat /proc/" + daemon + "/maps > /dev/null && echo maps-readable;"
                + " cat /proc/" + daemon + "/environ > /dev/null && echo environ-readable; ls /proc | grep -c '^[0-9]'");
        assertFalse(r.out().contains("readable"), r.out());
        int pids = Integer.parseInt(r.out().strip());
        assertTrue(pids <= 5, "only the sandbox's own processes: " + pids);
    }

    @Test
    void devHoldsOnlyTheSafeNodesAndNoCapabilityIsLeft() throws IOException {
        Run r = run(Run.workspaceOnly(false), "ls /dev; for f in /dev/*; do [ -b \"$f\" ] && echo BLOCK $f; done;"
                + " grep -E '^Cap(Eff|Prm|Bnd|Amb)' /proc/self/status; echo hi > /dev/null && echo null-ok");
        assertFalse(r.out().contains("BLOCK"), r.out());
        assertTrue(r.out().contains("null-ok"), r.err());
        for (String cap : List.of("CapEff", "CapPrm", "CapBnd", "CapAmb")) {
            assertTrue(r.out().contains(cap + ":\t0000000000000000"), r.out());
        }
    }

    // ---- issue item 6: nothing outlives the command ----------------------------------------------------------

    @Test
    void backgroundAndDoubleForkedProcessesDieWithTheCommand() throws Exception {
        String m1 = marker(), m2 = marker();
        Run r = run(Run.workspaceOnly(false), "(sleep " + m1 + " > /dev/null 2>&1 &) ; setsid sleep " + m2 + " > /dev/null 2>&1 & echo started");
        assertEquals(0, r.exit(), r.err());
        awaitGone(m1);
        awaitGone(m2);
    }

    @Test
    void destroyForciblyKillsEveryDescendant() throws Exception {
        String m1 = marker(), m2 = marker();
        Process p = sandbox.start(new ProcessBuilder("bash", "-c",
                "(setsid sleep " + m1 + " &); sleep " + m2), Run.workspaceOnly(false), ws);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(anyProcessWith(m1) && anyProcessWith(m2)) && System.nanoTime() < end) Thread.sleep(20);
        assertTrue(anyProcessWith(m1) && anyProcessWith(m2), "the command did not start its children");
        p.destroyForcibly();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        awaitGone(m1);
        awaitGone(m2);
        awaitRemoved(ws.resolve(".codex")); // the placeholders too: the janitor outlives the killed helper
    }

    @Test
    void killingTheWholeTreeAsTheDaemonDoesLeavesNoPlaceholder() throws Exception {
        String m = marker();
        Process p = sandbox.start(new ProcessBuilder("bash", "-c", "sleep " + m), Run.workspaceOnly(false), ws);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!anyProcessWith(m) && System.nanoTime() < end) Thread.sleep(20);
        assertTrue(Files.isDirectory(ws.resolve(".codex")), "a placeholder while the command runs");
        // as ProcessTree/RunningExec do: every descendant and the root, SIGKILL
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitGone(m);
        awaitRemoved(ws.resolve(".codex"));
        awaitRemoved(ws.resolve(".agents"));
        awaitRemoved(ws.resolve(".git"));
    }

    @Test
    void destroySendsTermToTheCommandWhichMayHandleIt() throws Exception {
        Process p = sandbox.start(new ProcessBuilder("bash", "-c", "trap 'echo got-term; exit 3' TERM; sleep 20 & wait")
                .redirectErrorStream(true), Run.workspaceOnly(false), ws);
        Thread.sleep(300);
        p.destroy();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals("got-term\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(3, p.exitValue());
    }

    @Test
    void exitCodesAndMissingProgramsBehaveAsWithProcessBuilder() throws Exception {
        assertEquals(7, run(Run.workspaceOnly(false), "exit 7").exit());
        assertEquals(128 + 15, run(Run.workspaceOnly(false), "kill -TERM $$").exit());
        IOException e = assertThrows(IOException.class, () -> sandbox.start(
                new ProcessBuilder("no-such-program-jcodex"), Run.workspaceOnly(false), ws));
        assertTrue(e.getMessage().contains("error=2"), e.getMessage());
    }

    @Test
    void networkIsOffUnlessAllowed() throws IOException {
        String py = "python3 -c 'import socket; s=socket.socket(); print(\"made\")' 2>&1 | tail -1; exit 0";
        assertTrue(run(Run.workspaceOnly(false), py).out().contains("Operation not permitted"));
        assertTrue(run(Run.workspaceOnly(true), py).out().contains("made"));
        Run ifaces = run(Run.workspaceOnly(false), "sed 1,2d /proc/net/dev | cut -d: -f1 | tr -d ' '");
        assertEquals("lo", ifaces.out().strip(), "a private network namespace has only loopback");
    }

    @Test
    void aTerminalStaysTheCommandsControllingTerminal() throws Exception {
        PtyProcess p = sandbox.startPty(new ProcessBuilder("bash", "-c", "tty; stty size; echo pid=$$"),
                new PtyProcess.Size(24, 80), Run.workspaceOnly(false), ws);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("/dev/pts/") && out.contains("24 80"), out);
        assertTrue(out.contains("pid=2"), "the command is PID 2 of its namespace, under the helper's init: " + out);
    }

    // ---- the fallback -------------------------------------------------------------------------------------------

    @Test
    void systemPrefersNamespaces() {
        assertEquals(Mechanism.NAMESPACES, Sandbox.system().mechanism(), Sandbox.system().describe());
        assertTrue(Sandbox.system().describe().startsWith("namespaces"), Sandbox.system().describe());
    }

    @Test
    void whenNamespacesAreRefusedTheFallbackSaysSo() {
        String old = System.getProperty(NamespaceHelper.DISABLE_PROPERTY);
        System.setProperty(NamespaceHelper.DISABLE_PROPERTY, "off");
        try {
            Sandbox s = Sandbox.forcing(null);
            assertEquals(Mechanism.LANDLOCK_SECCOMP, s.mechanism());
            String why = s.unavailableReason().orElseThrow();
            assertTrue(why.contains("user namespaces disabled") && why.contains("Falling back"), why);
            assertTrue(s.describe().contains("FALLBACK"), s.describe());
        } finally {
            if (old == null) System.clearProperty(NamespaceHelper.DISABLE_PROPERTY);
            else System.setProperty(NamespaceHelper.DISABLE_PROPERTY, old);
        }
    }

    /** A real refusal: no user namespace may be created (max_user_namespaces=0 in a private user namespace). */
    @Test
    void aKernelThatRefusesUserNamespacesFallsBack() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "unshare(1) not installed");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder("/usr/bin/unshare", "--user", "--map-root-user", "sh", "-c",
                "echo 0 > /proc/sys/user/max_user_namespaces && exec \"$@\"", "sh",
                java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                DescribeMain.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("mechanism=LANDLOCK_SECCOMP"), out);
        assertTrue(out.contains("user namespaces unavailable") && out.contains("Falling back"), out);
    }

    /** Prints what Sandbox.system() chose, for the test above. */
    public static final class DescribeMain {
        public static void main(String[] args) {
            long t0 = System.nanoTime();
            Sandbox s = Sandbox.system();
            System.out.println("detected in ms=" + (System.nanoTime() - t0) / 1_000_000);
            System.out.println("mechanism=" + s.mechanism());
            System.out.println("reason=" + s.unavailableReason().orElse(""));
        }
    }
}
