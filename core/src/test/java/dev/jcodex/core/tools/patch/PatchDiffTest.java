package dev.jcodex.core.tools.patch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diffs computed before approval (fileChange items) and the turn's git-style aggregate. */
class PatchDiffTest {
    @Test
    void planCarriesPerFileDiffsAndWritesNothing(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("existing.txt"), "line one\nold line\nline three\n");
        List<PlannedChange> plan = PatchEngine.plan("*** Begin Patch\n*** Add File: new.txt\n+hello\n"
                + "*** Update File: existing.txt\n@@\n line one\n-old line\n+new line\n line three\n*** End Patch\n", work);
        assertEquals(2, plan.size());
        assertEquals("add", plan.get(0).kind());
        assertEquals("hello\n", plan.get(0).diff());
        assertEquals(work.resolve("new.txt"), plan.get(0).path());
        assertEquals("@@ -1,3 +1,3 @@\n line one\n-old line\n+new line\n line three\n", plan.get(1).diff());
        assertFalse(Files.exists(work.resolve("new.txt")), "planning must not write");
        assertEquals("line one\nold line\nline three\n", Files.readString(work.resolve("existing.txt")));
    }

    @Test
    void turnDiffIsGitStyleWithBlobIds(@TempDir Path work) throws Exception {
        Path f = work.resolve("existing.txt");
        Files.writeString(f, "line one\nold line\nline three\n");
        TurnDiffTracker t = new TurnDiffTracker();
        t.touch(f);
        t.touch(work.resolve("new.txt"));
        Files.writeString(f, "line one\nnew line\nline three\n");
        Files.writeString(work.resolve("new.txt"), "hi\n");
        String diff = t.diff(work);
        // git hash-object of the two versions (checked with git itself)
        assertTrue(diff.startsWith("diff --git a/existing.txt b/existing.txt\nindex "
                + "50d5480c90650df71e6277c84d885f756213f494..c11deb7dea433ac751cbd8df93f7099ef091505f\n"
                + "--- a/existing.txt\n+++ b/existing.txt\n@@ -1,3 +1,3 @@\n"), diff);
        assertTrue(diff.contains("diff --git a/new.txt b/new.txt\nnew file mode 100644\nindex "
                + "0000000000000000000000000000000000000000..45b983be36b73c0788dc9cbcb76cbb80fc7bb057\n"
                + "--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+hi\n"), diff);
    }

    @Test
    void refusedWriteStopsTheApplyAndReportsWhatWasWritten(@TempDir Path work) throws Exception {
        Path ws = Files.createDirectories(work.resolve("ws"));
        List<PlannedChange> plan = PatchEngine.plan("*** Begin Patch\n*** Add File: ok.txt\n+x\n*** Add File: ../no.txt\n+y\n"
                + "*** End Patch\n", ws);
        SandboxPolicy onlyWs = SandboxPolicy.workspaceWrite(List.of(), false, true, true);
        PatchEngine.Outcome o = PatchEngine.apply(plan, Sandbox.system().files(onlyWs, ws));
        assertFalse(o.success());
        assertTrue(Files.exists(ws.resolve("ok.txt")));
        assertFalse(Files.exists(work.resolve("no.txt")));
        assertTrue(o.report().contains("A ok.txt") && o.report().contains("not allowed by the sandbox"), o.report());
    }
}
