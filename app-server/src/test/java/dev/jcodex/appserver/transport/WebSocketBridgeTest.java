package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.ListeningDaemon;
import dev.jcodex.appserver.testing.RawWebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketBridgeTest {
    static final String INIT = "{\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"ws-test\",\"version\":\"1\"}}}";

    static JsonNode readResponse(RawWebSocket ws, long id) throws Exception {
        while (true) {
            String t = ws.readText();
            assertNotNull(t, "server closed before answering " + id);
            JsonNode n = Daemon.M.readTree(t);
            if (!n.has("method") && n.path("id").asLong(-1) == id) return n;
        }
    }

    @Test
    void healthRoutesOriginRefusalAndJsonRpcOverTextFrames() throws Exception {
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0")) {
            assertTrue(RawWebSocket.httpGet(d.port(), "/readyz").startsWith("HTTP/1.1 200"));
            assertTrue(RawWebSocket.httpGet(d.port(), "/healthz").startsWith("HTTP/1.1 200"));
            assertTrue(RawWebSocket.httpGet(d.port(), "/healthz", "Origin: http://localhost:3000").startsWith("HTTP/1.1 403"));
            try (RawWebSocket evil = RawWebSocket.tcp(d.port(), "Origin: https://evil.example")) {
                assertTrue(evil.handshakeResponse.startsWith("HTTP/1.1 403"), evil.handshakeResponse);
            }
            // The JDK's own WebSocket client: one message per text frame, responses carry our ids.
            LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + d.port() + "/"), collector(inbox)).get(10, TimeUnit.SECONDS);
            ws.sendText(INIT, true).get();
            JsonNode init = Daemon.M.readTree(inbox.poll(20, TimeUnit.SECONDS));
            assertEquals(1, init.path("id").asInt());
            assertTrue(init.path("result").path("userAgent").asText().startsWith("ws-test/"));
            ws.sendText("not json", true).get();
            JsonNode parse = Daemon.M.readTree(inbox.poll(10, TimeUnit.SECONDS));
            assertEquals(-32700, parse.path("error").path("code").asInt());
            ws.sendText("{\"id\":2,\"method\":\"command/exec\",\"params\":{\"command\":[\"echo\",\"over ws\"],"
                    + "\"sandboxPolicy\":{\"type\":\"dangerFullAccess\"}}}", true).get();
            JsonNode exec = Daemon.M.readTree(inbox.poll(20, TimeUnit.SECONDS));
            assertEquals("over ws\n", exec.path("result").path("stdout").asText(), exec.toString());
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void capabilityTokenIsRequiredInTheHandshake() throws Exception {
        Path tokenFile = Files.createTempFile("jcodex-token", ".txt");
        Files.writeString(tokenFile, "s3cret-token\n");
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0",
                "--ws-auth", "capability-token", "--ws-token-file", tokenFile.toString())) {
            try (RawWebSocket none = RawWebSocket.tcp(d.port())) {
                assertTrue(none.handshakeResponse.startsWith("HTTP/1.1 401"), none.handshakeResponse);
            }
            try (RawWebSocket wrong = RawWebSocket.tcp(d.port(), "Authorization: Bearer nope")) {
                assertTrue(wrong.handshakeResponse.startsWith("HTTP/1.1 401"), wrong.handshakeResponse);
            }
            try (RawWebSocket ok = RawWebSocket.tcp(d.port(), "Authorization: Bearer s3cret-token")) {
                assertTrue(ok.upgraded(), ok.handshakeResponse);
                ok.sendText(INIT);
                assertTrue(readResponse(ok, 1).has("result"));
            }
            // health stays open for probes
            assertTrue(RawWebSocket.httpGet(d.port(), "/readyz").startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void capabilityTokenGivenAsItsSha256() throws Exception {
        String hex = java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("hashed-token".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0",
                "--ws-auth", "capability-token", "--ws-token-sha256", hex)) {
            try (RawWebSocket wrong = RawWebSocket.tcp(d.port(), "Authorization: Bearer " + hex)) {
                assertTrue(wrong.handshakeResponse.startsWith("HTTP/1.1 401"), wrong.handshakeResponse);
            }
            try (RawWebSocket ok = RawWebSocket.tcp(d.port(), "Authorization: Bearer hashed-token")) {
                assertTrue(ok.upgraded(), ok.handshakeResponse);
                ok.sendText(INIT);
                assertTrue(readResponse(ok, 1).has("result"));
            }
        }
        AssertionError e = assertThrows(AssertionError.class, () -> ListeningDaemon.start(null, Map.of(),
                "--listen", "ws://127.0.0.1:0", "--ws-auth", "capability-token", "--ws-token-sha256", "0x" + hex).close());
        assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
    }

    @Test
    void refusesAnUnauthenticatedNonLoopbackListener() throws Exception {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ListeningDaemon.start(null, Map.of(), "--listen", "ws://0.0.0.0:0").close());
        assertTrue(e.getMessage().contains("without --ws-auth"), e.getMessage());
    }

    @Test
    void unixSocketIsPrivateAndSpeaksTheSameProtocol() throws Exception {
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "unix://${ROOT}/ctl/app.sock")) {
            Path sock = d.unixPath();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
            try (RawWebSocket a = RawWebSocket.unix(sock); RawWebSocket b = RawWebSocket.unix(sock)) {
                assertTrue(a.upgraded() && b.upgraded());
                a.sendText(INIT);
                b.sendText(INIT);
                assertTrue(readResponse(a, 1).has("result"));
                assertTrue(readResponse(b, 1).has("result"));
                // per-connection state: b's second initialize is refused, a new connection is not initialized
                b.sendText(INIT.replace("\"id\":1", "\"id\":2"));
                assertEquals(-32600, readResponse(b, 2).path("error").path("code").asInt());
            }
        }
    }

    @Test
    void aClientsProcessesDieWithItsConnectionAndOthersAreUnaffected() throws Exception {
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "ws://127.0.0.1:0")) {
            RawWebSocket a = RawWebSocket.tcp(d.port());
            RawWebSocket b = RawWebSocket.tcp(d.port());
            a.sendText(INIT);
            b.sendText(INIT);
            readResponse(a, 1);
            readResponse(b, 1);
            a.sendText("{\"id\":2,\"method\":\"command/exec\",\"params\":{\"command\":[\"sleep\",\"307\"],\"processId\":\"s\","
                    + "\"disableTimeout\":true,\"sandboxPolicy\":{\"type\":\"dangerFullAccess\"}}}");
            assertTrue(waitFor(() -> sleepers(d) == 1, 10_000), "sleep started");
            a.close();
            assertTrue(waitFor(() -> sleepers(d) == 0, 10_000), "sleep killed when its client went away");
            b.sendText("{\"id\":3,\"method\":\"command/exec\",\"params\":{\"command\":[\"echo\",\"b\"],"
                    + "\"sandboxPolicy\":{\"type\":\"dangerFullAccess\"}}}");
            assertEquals("b\n", readResponse(b, 3).path("result").path("stdout").asText());
            b.close();
        }
    }

    /**
     * A client that stops reading while the daemon streams to it: the daemon drops that client once its
     * outbound bound is reached, kills its process, keeps its memory bounded, and keeps serving others.
     */
    @Test
    void aClientThatStopsReadingIsDisconnectedWithBoundedMemory() throws Exception {
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of("JCODEX_WS_MAX_PENDING_BYTES", "8388608",
                "JCODEX_WS_STALL_MS", "3000"), "--listen", "ws://127.0.0.1:0")) {
            RawWebSocket slow = RawWebSocket.tcp(d.port());
            slow.sendText(INIT);
            readResponse(slow, 1);
            long before = d.rssKib();
            // ~1 GB of output as streamed deltas, and this client never reads another byte
            slow.sendText("{\"id\":2,\"method\":\"command/exec\",\"params\":{\"command\":[\"head\",\"-c\",\"1000000000\",\"/dev/zero\"],"
                    + "\"processId\":\"flood\",\"streamStdoutStderr\":true,\"disableOutputCap\":true,\"disableTimeout\":true,"
                    + "\"sandboxPolicy\":{\"type\":\"dangerFullAccess\"}}}");
            long peak = 0;
            boolean dropped = false;
            for (int i = 0; i < 300 && !dropped; i++) {
                Thread.sleep(100);
                peak = Math.max(peak, d.rssKib());
                dropped = d.stderr().contains("not reading");
            }
            assertTrue(dropped, "slow client dropped; stderr: " + d.stderr());
            assertTrue(waitFor(() -> count(d, "head") == 0, 10_000), "its process was killed");
            System.out.printf("slow reader: RSS before %d KiB, peak %d KiB%n", before, peak);
            assertTrue(peak < 400 * 1024, "daemon RSS stayed under 400 MiB, peak " + peak + " KiB");
            try (RawWebSocket other = RawWebSocket.tcp(d.port())) {
                other.sendText(INIT);
                assertTrue(readResponse(other, 1).has("result"));
            }
            slow.close();
        }
    }

    static long sleepers(ListeningDaemon d) { return count(d, "sleep"); }

    static long count(ListeningDaemon d, String name) {
        return d.process().descendants().filter(p -> p.info().command().map(c -> c.endsWith("/" + name)).orElse(false)).count();
    }

    interface Check { boolean ok() throws Exception; }

    static boolean waitFor(Check c, long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (c.ok()) return true;
            Thread.sleep(50);
        }
        return c.ok();
    }

    static WebSocket.Listener collector(LinkedBlockingQueue<String> inbox) {
        return new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    inbox.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    static List<String> unused() { return List.of(); }
}
