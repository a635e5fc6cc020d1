package dev.jcodex.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** apply_patch's writes through {@link Sandbox#files}: descriptor-relative, no symlink followed after the check. */
class SandboxedFilesTest {
    @TempDir Path tmp;

    private SandboxedFiles files(Path ws, Path... roots) {
        return Sandbox.system().files(SandboxPolicy.workspaceWrite(List.of(roots), false, true, true), ws);
    }

    private static byte[] b(String s) { return s.getBytes(); }

    @Test
    void writesCreateParentsAndReplaceContents() throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        SandboxedFiles f = files(ws);
        f.write(ws.resolve("a/b/c.txt"), b("one\ntwo\n"));
        f.write(ws.resolve("a/b/c.txt"), b("x\n"));
        assertEquals("x\n", Files.readString(ws.resolve("a/b/c.txt")));
        f.delete(ws.resolve("a/b/c.txt"));
        assertFalse(Files.exists(ws.resolve("a/b/c.txt")));
    }

    /** The names a trusted project's next thread reads (config, hooks, skills), absent or not, top level or deep. */
    @Test
    void protectedNamesCannotBeCreatedOrWritten() throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(ws.resolve(".git/hooks"));
        SandboxedFiles f = files(ws);
        for (String p : List.of(".codex/config.toml", ".agents/skills/x/SKILL.md", ".git/hooks/pre-commit", ".codex")) {
            assertThrows(AccessDeniedException.class, () -> f.write(ws.resolve(p), b("x")), p);
        }
        assertFalse(Files.exists(ws.resolve(".codex")));
        assertFalse(Files.exists(ws.resolve(".agents")));
        assertFalse(Files.exists(ws.resolve(".git/hooks/pre-commit")));
        // a link in the workspace that points at a protected path is no way around it
        Files.createSymbolicLink(ws.resolve("hooks"), ws.resolve(".git/hooks"));
        assertThrows(AccessDeniedException.class, () -> f.write(ws.resolve("hooks/post-checkout"), b("x")));
        assertFalse(Files.exists(ws.resolve(".git/hooks/post-checkout")));
    }

    @Test
    void symlinksResolveToTheirRootAndNeverOutOfIt() throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(ws.resolve("to-other"), other);
        Files.createSymbolicLink(ws.resolve("to-outside"), outside);
        Files.writeString(outside.resolve("victim"), "keep");
        Files.createSymbolicLink(ws.resolve("file-link"), outside.resolve("victim"));
        SandboxedFiles f = files(ws, other);
        f.write(ws.resolve("to-other/x.txt"), b("x"));
        assertEquals("x", Files.readString(other.resolve("x.txt")));
        assertThrows(AccessDeniedException.class, () -> f.write(ws.resolve("to-outside/y.txt"), b("y")));
        assertThrows(AccessDeniedException.class, () -> f.write(ws.resolve("file-link"), b("y")));
        assertEquals("keep", Files.readString(outside.resolve("victim")));
        // deleting a link removes the link, not what it points to
        f.delete(ws.resolve("file-link"));
        assertFalse(Files.exists(ws.resolve("file-link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(outside.resolve("victim")));
        assertThrows(AccessDeniedException.class, () -> f.delete(outside.resolve("victim")));
    }

    @Test
    void aFifoInTheWayIsRefusedWithoutBlocking() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Process mk = new ProcessBuilder("mkfifo", ws.resolve("pipe").toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, mk.exitValue());
        IOException e = assertThrows(IOException.class, () -> files(ws).write(ws.resolve("pipe"), b("x")));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    /** A file configured as a writable root is writable alone, even inside another root (cwd). */
    @Test
    void aFileConfiguredAsARootIsWritable() throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path outsideFile = Files.writeString(tmp.resolve("notes.txt"), "old");
        Path insideFile = Files.writeString(ws.resolve("in.txt"), "old");
        SandboxedFiles f = files(ws, outsideFile, insideFile);
        f.write(outsideFile, b("new"));
        f.write(insideFile, b("new"));
        assertEquals("new", Files.readString(outsideFile));
        assertEquals("new", Files.readString(insideFile));
        assertThrows(AccessDeniedException.class, () -> f.write(tmp.resolve("other.txt"), b("x")));
    }

    @Test
    void readOnlyWritesNothing() {
        Path ws = tmp;
        SandboxedFiles f = Sandbox.system().files(SandboxPolicy.readOnly(true), ws);
        assertThrows(AccessDeniedException.class, () -> f.write(ws.resolve("x"), b("x")));
        assertFalse(Files.exists(ws.resolve("x")));
    }
}
