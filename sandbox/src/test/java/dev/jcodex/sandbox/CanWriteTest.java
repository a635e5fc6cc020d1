package dev.jcodex.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** apply_patch's own writes: the same policy, resolved as the kernel resolves paths. */
class CanWriteTest {
    @TempDir Path ws;
    @TempDir Path outside;

    private final Sandbox sandbox = Sandbox.system();
    private final SandboxPolicy policy = SandboxPolicy.workspaceWrite(List.of(), false, true, true);

    private boolean can(String target) {
        return sandbox.canWrite(policy, ws, Path.of(target));
    }

    @Test
    void insideIsWritableOutsideIsNot() {
        assertTrue(can("new/file.txt"));
        assertTrue(can(ws.resolve("a.txt").toString()));
        assertFalse(can(outside.resolve("x").toString()));
        assertFalse(can("/etc/passwd"));
    }

    @Test
    void dotDotIsResolved() throws IOException {
        Files.createDirectories(ws.resolve("sub"));
        assertFalse(can("../" + outside.getFileName() + "/x"));
        assertFalse(can("sub/../../" + outside.getFileName() + "/x"));
        assertTrue(can("sub/../ok.txt"));
        assertFalse(can("missing/../../x"), "'..' below a missing directory fails in the kernel too");
    }

    @Test
    void symlinksAreFollowed() throws IOException {
        Files.createSymbolicLink(ws.resolve("out"), outside);
        Files.createSymbolicLink(ws.resolve("dangling"), outside.resolve("created-through-link"));
        Files.createDirectories(ws.resolve("real"));
        Files.createSymbolicLink(ws.resolve("in"), ws.resolve("real"));
        Files.createSymbolicLink(ws.resolve("up"), Path.of(".."));
        assertFalse(can("out/x"));
        assertFalse(can("dangling"));
        assertTrue(can("in/x"));
        assertFalse(can("real/../out/x"));
        assertFalse(can("up/" + outside.getFileName() + "/x"));
    }

    @Test
    void protectedPathsAreNotWritableEvenBeforeTheyExist() throws IOException {
        assertFalse(can(".codex/config.toml"));
        assertFalse(can(".git/hooks/pre-commit"));
        Files.createDirectories(ws.resolve(".git"));
        Files.createSymbolicLink(ws.resolve("git-alias"), ws.resolve(".git"));
        assertFalse(can("git-alias/config"));
        assertTrue(can(".gitignore"));
    }

    @Test
    void protectedPathOfOneRootWinsOverAnEnclosingRoot() throws IOException {
        Path repo = Files.createDirectories(outside.resolve("repo/.git")).getParent();
        SandboxPolicy both = SandboxPolicy.workspaceWrite(List.of(outside), false, true, true);
        assertFalse(sandbox.canWrite(both, repo, Path.of(".git/config")));
        assertTrue(sandbox.canWrite(both, repo, Path.of("src/x")));
    }

    @Test
    void policyKinds() {
        assertFalse(sandbox.canWrite(SandboxPolicy.readOnly(true), ws, Path.of("x")));
        assertTrue(sandbox.canWrite(SandboxPolicy.dangerFullAccess(), ws, Path.of("/etc/x")));
        assertTrue(sandbox.canWrite(SandboxPolicy.externalSandbox(false), ws, Path.of("/etc/x")));
    }
}
