package dev.jcodex.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Denials (and the allowed writes) enforced by Landlock on the spawn thread, without bubblewrap. */
class FilesystemConfinementTest {
    static Sandbox sandbox;

    @TempDir Path ws;
    @TempDir Path outside;

    @BeforeAll
    static void landlock() {
        sandbox = Sandbox.forcing(Mechanism.LANDLOCK_SECCOMP);
        assumeTrue(sandbox.mechanism() == Mechanism.LANDLOCK_SECCOMP,
                () -> "Landlock/seccomp unavailable on this kernel: " + sandbox.unavailableReason().orElse(""));
    }

    private Run run(SandboxPolicy policy, String script) throws IOException {
        return Run.bash(sandbox, policy, ws, script);
    }

    @Test
    void writesInsideTheWorkspaceSucceed() throws IOException {
        Files.createDirectories(ws.resolve("a"));
        Run r = run(Run.workspaceOnly(false), "echo hi > made.txt && mkdir -p a/b && echo x > a/b/c && cat made.txt");
        assertEquals(0, r.exit(), r.err());
        assertEquals("hi\n", r.out());
        assertEquals("x\n", Files.readString(ws.resolve("a/b/c")));
    }

    /**
     * A project root without .codex/.agents/.git: none can be created, as a directory or a symlink (a trusted
     * project's next thread would read that config). The price on this path: no new top-level directory.
     */
    @Test
    void missingProtectedNamesCannotBeCreatedAtTheTop() throws IOException {
        Files.createDirectories(ws.resolve("sub"));
        Run r = run(Run.workspaceOnly(true), "for n in .codex .agents .git; do mkdir $n && echo made $n; "
                + "ln -s " + outside + " $n && echo linked $n; done; mkdir -p sub/.codex && echo nested; "
                + "echo top > top.txt && rm top.txt && echo files-ok");
        assertFalse(r.out().contains("made") || r.out().contains("linked"), r.out() + r.err());
        assertTrue(r.out().contains("nested\n") && r.out().contains("files-ok\n"), r.out() + r.err());
        for (String n : List.of(".codex", ".agents", ".git")) {
            assertFalse(Files.exists(ws.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS), n);
        }
    }

    @Test
    void writeOutsideTheWritableRootsIsDenied() throws IOException {
        Path target = outside.resolve("escaped");
        Run r = run(Run.workspaceOnly(false), "echo x > '" + target + "'");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("Permission denied"), r.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void rmOfAFileOutsideIsDenied() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim"), "keep");
        Run r = run(Run.workspaceOnly(false), "rm -f '" + victim + "'");
        assertNotEquals(0, r.exit());
        assertEquals("keep", Files.readString(victim));
    }

    @Test
    void dotDotDoesNotEscape() throws IOException {
        Files.createDirectories(ws.resolve("sub"));
        Path rel = ws.relativize(outside);
        Run r = run(Run.workspaceOnly(false), "echo x > sub/../" + rel + "/dotdot");
        assertNotEquals(0, r.exit());
        assertFalse(Files.exists(outside.resolve("dotdot")));
    }

    @Test
    void symlinkPointingOutDoesNotEscape() throws IOException {
        Files.createSymbolicLink(ws.resolve("out-link"), outside);
        Files.createSymbolicLink(ws.resolve("file-link"), outside.resolve("via-file-link"));
        Run r = run(Run.workspaceOnly(false), "echo x > out-link/via-dir-link; echo y > file-link; exit 0");
        assertTrue(r.err().contains("Permission denied"), r.err());
        assertFalse(Files.exists(outside.resolve("via-dir-link")));
        assertFalse(Files.exists(outside.resolve("via-file-link")));
    }

    @Test
    void dotGitStaysReadOnly() throws IOException {
        Path hooks = Files.createDirectories(ws.resolve(".git/hooks"));
        Path config = Files.writeString(ws.resolve(".git/config"), "[core]\n");
        Files.createDirectories(ws.resolve("src"));
        Files.writeString(ws.resolve("README"), "old\n");
        Run r = run(Run.workspaceOnly(false), String.join("; ",
                "echo evil > .git/hooks/pre-commit", "echo '[core] hooksPath=/x' >> .git/config",
                "rm .git/config", "mv .git gone", "ln .git/config src/hardlink",
                "echo ok > src/new && echo new-ok", "echo more >> README && echo readme-ok", "exit 0"));
        assertFalse(Files.exists(hooks.resolve("pre-commit")));
        assertEquals("[core]\n", Files.readString(config));
        assertFalse(Files.exists(ws.resolve("gone")));
        assertFalse(Files.exists(ws.resolve("src/hardlink")));
        assertTrue(r.out().contains("new-ok") && r.out().contains("readme-ok"), r.out() + r.err());
        assertEquals("ok\n", Files.readString(ws.resolve("src/new")));
    }

    @Test
    void dotGitFileAndItsGitdirStayReadOnly() throws IOException {
        // a worktree checkout whose gitdir lies in another writable root
        Path gitdir = Files.createDirectories(ws.resolve("repo-meta/worktrees/wt"));
        Path other = Files.createDirectories(ws.resolve("other"));
        Path checkout = Files.createDirectories(ws.resolve("checkout"));
        Files.writeString(checkout.resolve(".git"), "gitdir: ../repo-meta/worktrees/wt\n");
        Run r = Run.bash(sandbox, Run.workspaceOnly(false, ws), checkout, String.join("; ",
                "echo x > '" + gitdir + "/HEAD'", "echo x > .git", "echo ok > '" + other + "/f' && echo other-ok",
                "exit 0"));
        assertFalse(Files.exists(gitdir.resolve("HEAD")), r.err());
        assertEquals("gitdir: ../repo-meta/worktrees/wt\n", Files.readString(checkout.resolve(".git")));
        assertTrue(r.out().contains("other-ok"), r.err());
    }

    @Test
    void dotCodexStaysReadOnly() throws IOException {
        Files.createDirectories(ws.resolve(".codex"));
        Run r = run(Run.workspaceOnly(false), "echo 'sandbox_mode=\"danger-full-access\"' > .codex/config.toml");
        assertNotEquals(0, r.exit());
        assertFalse(Files.exists(ws.resolve(".codex/config.toml")));
    }

    @Test
    void readOnlyPolicyDeniesWritesInCwdButAllowsReadsAndDevNull() throws IOException {
        Files.writeString(ws.resolve("data"), "readable\n");
        Run r = run(SandboxPolicy.readOnly(false),
                "cat data; cat /etc/passwd > /dev/null && echo read-ok; echo x > /dev/null && echo null-ok;"
                        + " ls /dev/null 2>/dev/null >&2; echo x > data");
        assertNotEquals(0, r.exit());
        assertTrue(r.out().startsWith("readable\nread-ok\nnull-ok\n"), r.out() + r.err());
        assertEquals("readable\n", Files.readString(ws.resolve("data")));
    }

    @Test
    void slashTmpIsWritableUnlessExcluded() throws IOException {
        Path probe = Path.of("/tmp", "jcodex-sandbox-" + UUID.randomUUID());
        try {
            Run denied = run(SandboxPolicy.workspaceWrite(java.util.List.of(), false, true, true),
                    "echo x > " + probe);
            assertNotEquals(0, denied.exit());
            assertFalse(Files.exists(probe));
            Run allowed = run(SandboxPolicy.workspaceWrite(java.util.List.of(), false, true, false),
                    "echo x > " + probe);
            assertEquals(0, allowed.exit(), allowed.err());
            assertTrue(Files.exists(probe));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    @Test
    void extraWritableRootIsWritable() throws IOException {
        Run r = run(Run.workspaceOnly(false, outside), "echo x > '" + outside + "/extra'");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(outside.resolve("extra")));
    }

    @Test
    void aFileConfiguredAsWritableRootIsWritableAlone() throws IOException {
        Path file = Files.writeString(outside.resolve("single"), "");
        Run r = run(Run.workspaceOnly(false, file), "echo x > '" + file + "' && echo x > '" + outside + "/other'");
        assertNotEquals(0, r.exit());
        assertEquals("x\n", Files.readString(file));
        assertFalse(Files.exists(outside.resolve("other")));
    }

    @Test
    void dangerFullAccessIsNotConfined() throws IOException {
        Run r = run(SandboxPolicy.dangerFullAccess(), "echo x > '" + outside + "/free'; grep NoNewPrivs /proc/self/status");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(outside.resolve("free")));
        assertTrue(r.out().contains("NoNewPrivs:\t0"), r.out());
    }
}
