package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.ListeningDaemon;
import dev.jcodex.appserver.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket message limit follows the heap too (64 MiB here: about 4 MiB). A fragmented message over it
 * is answered like an oversized stdio line and the connection lives; a single frame over it is refused by
 * the frame decoder with 1009 Message Too Big, as RFC 6455 has it.
 */
class WebSocketMessageLimitTest {
    @Test
    void anOversizedFragmentedMessageIsAnsweredAndTheConnectionLives() throws Exception {
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"), "--listen", "ws://127.0.0.1:0");
             RawWebSocket ws = RawWebSocket.tcp(d.port())) {
            ws.sendText(WebSocketBridgeTest.INIT);
            assertTrue(WebSocketBridgeTest.readResponse(ws, 1).has("result"));
            byte[] mb = new byte[1024 * 1024];
            Arrays.fill(mb, (byte) 'a');
            ws.sendFragment(true, false, "{\"id\":2,\"method\":\"fs/readFile\",\"params\":{\"path\":\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 8; i++) ws.sendFragment(false, false, mb);
            ws.sendFragment(false, true, "\"}}".getBytes(StandardCharsets.UTF_8));
            JsonNode err = Daemon.M.readTree(ws.readText());
            assertTrue(err.path("id").isNull(), err.toString());
            assertEquals(-32600, err.path("error").path("code").asInt(), err.toString());
            assertTrue(err.path("error").path("message").asText().matches("Invalid request: message exceeds the limit of \\d+ bytes"), err.toString());
            ws.sendText("{\"id\":3,\"method\":\"fs/getMetadata\",\"params\":{\"path\":\"/\"}}");
            assertTrue(WebSocketBridgeTest.readResponse(ws, 3).path("result").path("isDirectory").asBoolean(), "connection lost");
            // one frame over the limit: the decoder refuses it before buffering and closes (1009)
            String after;
            try {
                ws.sendText("x".repeat(6 * 1024 * 1024)); // the server may close while this is still being written
                after = ws.readText();
            } catch (java.io.IOException closed) {
                after = null;
            }
            assertNull(after, "expected a close frame");
        }
    }
}
