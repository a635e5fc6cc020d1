package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.appserver.testing.ListeningDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Node client using the `ws` package (src/test/node/ws-client.mjs) against the bridge with a capability
 * token: Origin refused (403), no token refused (401), then initialize, command/exec and an unknown method.
 * Installs `ws` from the lock file with npm on first run; skipped only where node/npm are absent.
 */
class WebSocketNodeClientTest {
    static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();

    @Test
    void nodeWsClientTalksToTheBridge() throws Exception {
        assumeTrue(run(NODE_DIR, 30, "node", "--version") == 0, "node is not installed");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/ws"))) {
            assumeTrue(run(NODE_DIR, 30, "npm", "--version") == 0, "npm is not installed");
            assertEquals(0, run(NODE_DIR, 180, "npm", "ci", "--no-audit", "--no-fund", "--silent"), "npm ci");
        }
        Path token = Files.createTempFile("jcodex-token", "");
        Files.writeString(token, "node-token-123");
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0",
                "--ws-auth", "capability-token", "--ws-token-file", token.toString())) {
            ProcessBuilder pb = new ProcessBuilder("node", "ws-client.mjs", String.valueOf(d.port()), "node-token-123")
                    .directory(NODE_DIR.toFile()).redirectErrorStream(true);
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node client finished");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("node ws client: " + out.strip());
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("\"originStatus\":403") && out.contains("\"noTokenStatus\":401"), out);
        }
    }

    private static int run(Path dir, int seconds, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (Exception e) {
            return -1;
        }
    }
}
