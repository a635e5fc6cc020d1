package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code jcodex sandbox}: the same confinement the agent's commands get, on one command line. */
class SandboxCliTest {
    static int run(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:+DisableAttachMechanism", "-cp", System.getProperty("java.class.path"),
                "dev.jcodex.appserver.cli.Main", "sandbox"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void readOnlyDeniesAWriteThatWorkspaceWriteAllows() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("user.home")), "jcodex-sbx-");
        try {
            assertNotEquals(0, run(dir, "--policy", "read-only", "--", "sh", "-c", "echo x > denied.txt"));
            assertFalse(Files.exists(dir.resolve("denied.txt")), "read-only must not write");
            assertEquals(0, run(dir, "--policy", "workspace-write", "--", "sh", "-c", "echo x > ok.txt"));
            assertTrue(Files.exists(dir.resolve("ok.txt")));
            assertEquals(3, run(dir, "--policy", "danger-full-access", "--", "sh", "-c", "exit 3"));
        } finally {
            try (var s = Files.walk(dir)) { s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
        }
    }
}
