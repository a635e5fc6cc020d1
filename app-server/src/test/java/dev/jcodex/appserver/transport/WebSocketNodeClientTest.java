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
 * A Node client using the `ws` package (src/test/node/ws-client.mjs) against the bridge, with a capability
 * token and with HS256 bearer tokens: Origin refused (403), no or bad token refused (401), then initialize,
 * command/exec and an unknown method.
 * Installs `ws` from the lock file with npm on first run; skipped only where node/npm are absent.
 */
class WebSocketNodeClientTest {
    static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();

    @Test
    void nodeWsClientTalksToTheBridge() throws Exception {
        installWs();
        Path token = Files.createTempFile("jcodex-token", "");
        Files.writeString(token, "node-token-123");
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0",
                "--ws-auth", "capability-token", "--ws-token-file", token.toString())) {
            String out = runClient(String.valueOf(d.port()), "node-token-123");
            assertTrue(out.contains("\"originStatus\":403") && out.contains("\"noTokenStatus\":401"), out);
        }
    }

    /** The same client with HS256 tokens it signs itself (node:crypto): valid, expired, wrong secret, wrong aud. */
    @Test
    void nodeWsClientWithSignedBearerTokens() throws Exception {
        installWs();
        Path secret = Files.createTempFile("jcodex-ws-secret", "");
        Files.writeString(secret, "node-shared-secret-0123456789abcdef\n");
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0",
                "--ws-auth", "signed-bearer-token", "--ws-shared-secret-file", secret.toString(),
                "--ws-issuer", "node-issuer", "--ws-audience", "jcodex")) {
            String out = runClient(String.valueOf(d.port()), "--jwt", secret.toString(), "node-issuer", "jcodex");
            for (String field : new String[] {"noTokenStatus", "expiredStatus", "wrongSecretStatus", "wrongAudienceStatus"}) {
                assertTrue(out.contains("\"" + field + "\":401"), field + ": " + out);
            }
        }
    }

    private static void installWs() {
        assumeTrue(run(NODE_DIR, 30, "node", "--version") == 0, "node is not installed");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/ws"))) {
            assumeTrue(run(NODE_DIR, 30, "npm", "--version") == 0, "npm is not installed");
            assertEquals(0, run(NODE_DIR, 180, "npm", "ci", "--no-audit", "--no-fund", "--silent"), "npm ci");
        }
    }

    /** Runs ws-client.mjs, asserts it exited 0 within a minute, and returns its output. */
    private static String runClient(String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("node", "ws-client.mjs"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "node client finished: " + out);
        System.out.println("node ws client: " + out.strip());
        assertEquals(0, p.exitValue(), out);
        return out;
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
