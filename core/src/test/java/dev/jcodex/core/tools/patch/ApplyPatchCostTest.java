package dev.jcodex.core.tools.patch;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import dev.jcodex.sandbox.SandboxedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The price of confined writes: the writes of one apply_patch of an update and an add (two files, one directory deep),
 * written plainly after canWrite (the old way, racy) and through {@link Sandbox#files}. Median of 400 after
 * 200 warm-up rounds, interleaved, in thread CPU time (system time included: the machine is shared); writes {@code core/target/apply-patch-cost.txt} (docs/BENCHMARKS.md).
 */
class ApplyPatchCostTest {
    @Test
    void confinedWritesCostAFewMicrosecondsPerFile(@TempDir Path tmp) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(ws.resolve("src/main"));
        Files.writeString(ws.resolve("src/main/A.java"), "class A {\n    int x = 0;\n}\n");
        SandboxPolicy policy = SandboxPolicy.workspaceWrite(List.of(), false, true, true);
        Sandbox sb = Sandbox.system();
        int rounds = 600;
        long[] checked = new long[rounds];
        long[] confined = new long[rounds];
        long[] checkedWall = new long[rounds];
        long[] confinedWall = new long[rounds];
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds; i++) {
            for (int mode = 0; mode < 2; mode++) {
                String patch = "*** Begin Patch\n*** Update File: src/main/A.java\n@@\n-    int x = " + (2 * i + mode)
                        + ";\n+    int x = " + (2 * i + mode + 1) + ";\n*** Add File: src/main/N" + i + "_" + mode
                        + ".java\n+class N {}\n*** End Patch\n";
                List<PlannedChange> plan = PatchEngine.plan(patch, ws);
                long t0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                PatchEngine.Outcome o;
                if (mode == 0) {
                    for (PlannedChange c : plan) assertTrue(sb.canWrite(policy, ws, c.path()));
                    o = PatchEngine.apply(plan, SandboxedFiles.unconfined());
                } else {
                    o = PatchEngine.apply(plan, sb.files(policy, ws));
                }
                long dt = cpu.getCurrentThreadCpuTime() - t0, wall = System.nanoTime() - w0;
                assertTrue(o.success(), o.report());
                (mode == 0 ? checked : confined)[i] = dt;
                (mode == 0 ? checkedWall : confinedWall)[i] = wall;
            }
        }
        double c = median(checked), f = median(confined);
        String report = String.format(java.util.Locale.ROOT,
                "apply_patch writes (update + add, after the plan), median of %d, thread CPU (wall): canWrite + plain"
                        + " write %.1f us (%.1f), confined %.1f us (%.1f)%n",
                rounds - 200, c / 1e3, median(checkedWall) / 1e3, f / 1e3, median(confinedWall) / 1e3);
        Files.writeString(Path.of("target/apply-patch-cost.txt"), report);
        System.out.print(report);
        assertTrue(f < 50_000_000, "a confined patch's writes stay under 50 ms even on a loaded machine: " + report);
    }

    private static double median(long[] v) {
        long[] s = Arrays.copyOfRange(v, 200, v.length);
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
