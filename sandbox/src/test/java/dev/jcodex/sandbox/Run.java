package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a bash script under a sandbox and collects what it did. */
record Run(int exit, String out, String err) {

    static Run bash(Sandbox sandbox, SandboxPolicy policy, Path cwd, String script) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", script));
        Process p = sandbox.start(pb, policy, cwd);
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "command timed out: " + script);
            return new Run(p.exitValue(), out, err.join());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Workspace-write with only {@code cwd} (and extra roots) writable: /tmp and $TMPDIR excluded. */
    static SandboxPolicy workspaceOnly(boolean network, Path... roots) {
        return SandboxPolicy.workspaceWrite(List.of(roots), network, true, true);
    }
}
