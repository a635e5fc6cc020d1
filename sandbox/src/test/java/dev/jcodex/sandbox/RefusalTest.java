package dev.jcodex.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Without a mechanism, confined commands are refused and never run; unconfined ones still run. */
class RefusalTest {
    @TempDir Path ws;

    @Test
    void confinedCommandsAreRefusedNotRunUnconfined() {
        Sandbox none = Sandbox.forcing(Mechanism.NONE);
        assertEquals(Mechanism.NONE, none.mechanism());
        assertTrue(none.unavailableReason().isPresent());
        SandboxUnavailableException e = assertThrows(SandboxUnavailableException.class, () -> none.start(
                new ProcessBuilder("touch", ws.resolve("ran").toString()), SandboxPolicy.readOnly(false), ws));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertFalse(Files.exists(ws.resolve("ran")));
    }

    @Test
    void fullAccessStillRunsWithoutAMechanism() throws Exception {
        Sandbox none = Sandbox.forcing(Mechanism.NONE);
        Process p = none.start(new ProcessBuilder("touch", ws.resolve("ran").toString()),
                SandboxPolicy.dangerFullAccess(), ws);
        assertEquals(0, p.waitFor());
        assertTrue(Files.exists(ws.resolve("ran")));
    }

    @Test
    void systemSandboxReportsItsMechanismConsistently() {
        Sandbox s = Sandbox.system();
        assertSame(s, Sandbox.system());
        // the preferred mechanism with Landlock inside has nothing to warn about; every fallback says why
        assertEquals(s.mechanism() == Mechanism.NAMESPACES && s.landlockAbi() > 0, s.unavailableReason().isEmpty(),
                s.describe());
        if (s.mechanism() == Mechanism.LANDLOCK_SECCOMP) assertTrue(s.landlockAbi() > 0, s.describe());
    }

    @Test
    void sandboxMainRunsACommandAndReturnsItsExitCode() {
        assertEquals(7, SandboxMain.run("read-only", List.of(), false, List.of("sh", "-c", "exit 7")));
        assertEquals(126, SandboxMain.run("bogus", List.of(), false, List.of("true")));
        if (Sandbox.system().mechanism() != Mechanism.NONE) {
            assertEquals(127, SandboxMain.run("read-only", List.of(), false, List.of("no-such-program-jcodex")));
            // the policy holds through the CLI entry point too: cwd is not writable under read-only
            assertNotEquals(0, SandboxMain.run("read-only", List.of(), false,
                    List.of("sh", "-c", "exec 2>/dev/null; echo x > jcodex-sandbox-main-probe")));
            assertFalse(Files.exists(Path.of("jcodex-sandbox-main-probe")));
        }
    }
}
