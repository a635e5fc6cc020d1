package dev.jcodex.sandbox;

import dev.jcodex.sandbox.SandboxPolicy.WritableRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SandboxPolicyTest {
    @TempDir Path ws;
    @TempDir Path extra;
    @TempDir Path tmpdir;

    private static List<Path> roots(List<WritableRoot> rs) {
        return rs.stream().map(WritableRoot::root).toList();
    }

    @Test
    void workspaceWriteAddsCwdRootsSlashTmpAndTmpdir() throws IOException {
        SandboxPolicy p = SandboxPolicy.workspaceWrite(List.of(extra), false, false, false);
        List<WritableRoot> rs = p.writableRoots(ws, Map.of("TMPDIR", tmpdir.toString()));
        assertEquals(List.of(ws.toRealPath(), extra.toRealPath(), Path.of("/tmp").toRealPath(), tmpdir.toRealPath()),
                roots(rs));
    }

    @Test
    void exclusionsDropSlashTmpAndTmpdir() throws IOException {
        SandboxPolicy p = SandboxPolicy.workspaceWrite(List.of(), false, true, true);
        assertEquals(List.of(ws.toRealPath()), roots(p.writableRoots(ws, Map.of("TMPDIR", tmpdir.toString()))));
    }

    @Test
    void relativeRootsResolveAgainstCwdAndMissingOnesAreDropped() throws IOException {
        Files.createDirectories(ws.resolve("build"));
        SandboxPolicy p = SandboxPolicy.workspaceWrite(List.of(Path.of("build"), Path.of("nope")), false, true, true);
        assertEquals(List.of(ws.toRealPath(), ws.resolve("build").toRealPath()), roots(p.writableRoots(ws, Map.of())));
    }

    @Test
    void gitAndCodexAreProtectedIncludingAGitdirFile() throws IOException {
        Path gitdir = Files.createDirectories(extra.resolve("wt-meta"));
        Files.writeString(ws.resolve(".git"), "gitdir: " + gitdir + "\n");
        WritableRoot root = SandboxPolicy.workspaceWrite(List.of(), false, true, true).writableRoots(ws, Map.of()).get(0);
        Path real = ws.toRealPath();
        assertTrue(root.readOnlySubpaths().containsAll(
                List.of(real.resolve(".git"), real.resolve(".codex"), gitdir.toRealPath())), root.toString());
        assertFalse(root.allows(real.resolve(".git")));
        assertFalse(root.allows(real.resolve(".codex/config.toml")));
        assertTrue(root.allows(real.resolve(".gitignore")));
        assertTrue(root.allows(real.resolve("src/.git"))); // only the top level is protected, as in Codex
    }

    @Test
    void readOnlyHasNoRootsAndFullAccessKindsAreUnconfined() {
        assertEquals(List.of(), SandboxPolicy.readOnly(true).writableRoots(ws));
        assertFalse(SandboxPolicy.dangerFullAccess().confined());
        assertTrue(SandboxPolicy.dangerFullAccess().networkAccess());
        assertFalse(SandboxPolicy.externalSandbox(false).confined());
        assertTrue(SandboxPolicy.readOnly(false).confined());
    }

    @Test
    void modesParseAsInConfig() {
        assertEquals(SandboxPolicy.Kind.READ_ONLY, SandboxPolicy.fromMode("read-only", List.of(), false).kind());
        assertEquals(SandboxPolicy.Kind.WORKSPACE_WRITE,
                SandboxPolicy.fromMode("workspace-write", List.of(), false).kind());
        assertEquals(SandboxPolicy.Kind.DANGER_FULL_ACCESS,
                SandboxPolicy.fromMode("danger-full-access", List.of(), false).kind());
        assertThrows(IllegalArgumentException.class, () -> SandboxPolicy.fromMode("yolo", List.of(), false));
    }
}
