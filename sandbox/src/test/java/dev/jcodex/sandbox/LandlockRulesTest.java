package dev.jcodex.sandbox;

import dev.jcodex.sandbox.linux.LandlockRules;
import dev.jcodex.sandbox.linux.LandlockRules.Grant;
import dev.jcodex.sandbox.linux.Syscalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The grant plan: whole roots where possible, expanded around protected paths. */
class LandlockRulesTest {
    @TempDir Path ws;

    private List<Grant> plan(Path cwd) {
        return LandlockRules.plan(SandboxPolicy.workspaceWrite(List.of(), false, true, true).writableRoots(cwd));
    }

    @Test
    void aRootWithoutProtectedPathsIsGrantedWhole() throws IOException {
        List<Grant> grants = plan(ws);
        assertEquals(List.of(new Grant(ws.toRealPath(), true)), grants);
        assertFalse(LandlockRules.expanded(
                SandboxPolicy.workspaceWrite(List.of(), false, true, true).writableRoots(ws), grants));
    }

    @Test
    void aRootWithGitIsExpandedAroundIt() throws IOException {
        Path real = ws.toRealPath();
        Files.createDirectories(ws.resolve(".git/hooks"));
        Files.createDirectories(ws.resolve("src/main"));
        Files.writeString(ws.resolve("pom.xml"), "");
        Files.createSymbolicLink(ws.resolve("link"), Path.of("/etc"));
        Set<Grant> grants = Set.copyOf(plan(ws));
        assertEquals(Set.of(new Grant(real.resolve("src"), true), new Grant(real.resolve("pom.xml"), false)), grants);
    }

    @Test
    void aProjectRootMissingItsProtectedNamesGetsFilesOnlyRightsAndItsDirectoriesFullOnes() throws IOException {
        Path real = ws.toRealPath();
        Files.createDirectories(ws.resolve("src"));
        Files.writeString(ws.resolve("pom.xml"), "");
        var policy = SandboxPolicy.workspaceWrite(List.of(), false, true, true);
        Set<Grant> grants = Set.copyOf(LandlockRules.plan(policy.writableRoots(ws), policy.projectRoots(ws)));
        assertEquals(Set.of(new Grant(real, LandlockRules.Rights.FILES_ONLY), new Grant(real.resolve("src"), true)), grants);
    }

    /** /tmp around a cwd in it: files-only down to the project, no rule per other entry of /tmp. */
    @Test
    void aRootAboveAProjectIsFilesOnlyAlongTheWayDown() throws IOException {
        Path real = ws.toRealPath();
        Path cwd = Files.createDirectories(ws.resolve("a/proj"));
        Files.createDirectories(ws.resolve("a/proj/src"));
        Files.createDirectories(ws.resolve("other/deep"));
        var policy = SandboxPolicy.workspaceWrite(List.of(ws), false, true, true);
        Set<Grant> grants = Set.copyOf(LandlockRules.plan(policy.writableRoots(cwd), Set.of(cwd.toRealPath())));
        assertEquals(Set.of(new Grant(real, LandlockRules.Rights.FILES_ONLY),
                new Grant(real.resolve("a"), LandlockRules.Rights.FILES_ONLY),
                new Grant(real.resolve("a/proj"), LandlockRules.Rights.FILES_ONLY),
                new Grant(real.resolve("a/proj/src"), true)), grants);
    }

    @Test
    void rightsFollowTheAbi() {
        assertEquals(0, LandlockRules.handledAccess(1) & Syscalls.ACCESS_FS_REFER);
        assertNotEquals(0, LandlockRules.handledAccess(2) & Syscalls.ACCESS_FS_REFER);
        assertEquals(0, LandlockRules.handledAccess(4) & Syscalls.ACCESS_FS_IOCTL_DEV);
        assertNotEquals(0, LandlockRules.handledAccess(5) & Syscalls.ACCESS_FS_IOCTL_DEV);
        long readish = Syscalls.ACCESS_FS_READ_FILE | Syscalls.ACCESS_FS_READ_DIR | Syscalls.ACCESS_FS_EXECUTE;
        assertEquals(0, LandlockRules.handledAccess(7) & readish, "reads and execution stay unrestricted");
    }

    @Test
    void gitdirDeepInsideAnotherRootExpandsAlongItsPath() throws IOException {
        Path real = ws.toRealPath();
        Files.createDirectories(ws.resolve("meta/worktrees/wt"));
        Files.createDirectories(ws.resolve("meta/objects"));
        Path checkout = Files.createDirectories(ws.resolve("co"));
        Files.writeString(checkout.resolve(".git"), "gitdir: ../meta/worktrees/wt\n");
        Files.writeString(checkout.resolve("a.txt"), "");
        var roots = SandboxPolicy.workspaceWrite(List.of(ws), false, true, true).writableRoots(checkout);
        Set<Path> granted = LandlockRules.plan(roots).stream().map(Grant::path).collect(Collectors.toSet());
        assertTrue(granted.contains(real.resolve("meta/objects")));
        assertTrue(granted.contains(real.resolve("co/a.txt")));
        assertFalse(granted.stream().anyMatch(p -> p.startsWith(real.resolve("meta/worktrees/wt"))));
        assertFalse(granted.contains(real.resolve("co/.git")));
        assertFalse(granted.contains(real) || granted.contains(real.resolve("meta")) || granted.contains(real.resolve("co")));
    }
}
