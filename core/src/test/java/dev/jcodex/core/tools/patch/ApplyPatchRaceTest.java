package dev.jcodex.core.tools.patch;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandboxed command races apply_patch: it flips {@code ws/d} between a symlink into the workspace (what the
 * policy check sees) and one to a directory outside (what an unconfined write then followed). With writes
 * confined by construction nothing lands outside, whatever the interleaving.
 */
class ApplyPatchRaceTest {
    @Test
    void aSymlinkSwappedInAfterTheCheckNeverRedirectsAWrite(@TempDir Path tmp) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path inner = Files.createDirectories(ws.resolve("inner"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path d = ws.resolve("d");
        Files.createSymbolicLink(d, inner);
        SandboxPolicy policy = SandboxPolicy.workspaceWrite(List.of(), false, true, true);
        AtomicBoolean stop = new AtomicBoolean();
        Thread swapper = Thread.ofPlatform().start(() -> {
            Path tmpLink = ws.resolve("d.swap");
            boolean out = false;
            while (!stop.get()) {
                try {
                    out = !out;
                    Files.deleteIfExists(tmpLink);
                    Files.createSymbolicLink(tmpLink, out ? outside : inner);
                    Files.move(tmpLink, d, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (Exception e) {
                    // a lost round of the race is fine; the loop goes on
                }
            }
        });
        int written = 0;
        try {
            for (int i = 0; i < 100; i++) {
                String text = "*** Begin Patch\n*** Add File: d/f" + i + ".txt\n+data\n*** End Patch\n";
                List<PlannedChange> plan = PatchEngine.plan(text, ws);
                // as ApplyPatchTool: asks when the check fails, writes through the confined files otherwise
                if (!Sandbox.system().canWrite(policy, ws, plan.getFirst().path())) continue;
                if (PatchEngine.apply(plan, Sandbox.system().files(policy, ws)).success()) written++;
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        try (Stream<Path> leaked = Files.list(outside)) {
            assertEquals(List.of(), leaked.toList(), "files written outside the workspace through the swapped link");
        }
        try (Stream<Path> in = Files.list(inner)) {
            assertEquals(written, in.count(), "every successful patch wrote inside");
        }
        assertTrue(written > 0, "some patches won the race legitimately");
    }
}
