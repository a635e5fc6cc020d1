package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    @Test
    void requestBeforeInitializeIsRejectedAndInitializeAnswersOnce() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            JsonNode early = d.awaitResponse(d.request("thread/start", Map.of()));
            assertEquals(-32600, early.path("error").path("code").asInt());
            assertEquals("Not initialized", early.path("error").path("message").asText());

            JsonNode init = d.initialize();
            String ua = init.path("userAgent").asText();
            assertTrue(ua.startsWith("jcodex-test/0.171.0 ("), ua);
            assertTrue(ua.contains("jcodex/"), ua);
            assertEquals(d.home().toString(), init.path("codexHome").asText());
            assertEquals("unix", init.path("platformFamily").asText());
            assertEquals("linux", init.path("platformOs").asText());

            JsonNode again = d.awaitResponse(d.request("initialize", Map.of("clientInfo", Map.of("name", "x", "version", "1"))));
            assertEquals("Already initialized", again.path("error").path("message").asText());
            assertTrue(d.badLines().isEmpty());
        }
    }

    @Test
    void stringIdsAreEchoedAsStrings() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.sendLine("{\"jsonrpc\":\"2.0\",\"id\":\"abc-1\",\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"s\",\"version\":\"1\"}}}");
            JsonNode r = d.await(n -> n.has("id") && n.get("id").isTextual(), Daemon.TIMEOUT);
            assertEquals("abc-1", r.get("id").asText());
            assertTrue(r.has("result"));
            assertFalse(r.has("jsonrpc"), "the Codex dialect never writes the jsonrpc member");
        }
    }

    @Test
    void invalidClientNameIsRejected() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            JsonNode r = d.awaitResponse(d.request("initialize", Map.of("clientInfo", Map.of("name", "bad\u0001name", "version", "1"))));
            assertEquals(-32600, r.path("error").path("code").asInt());
            assertTrue(r.path("error").path("message").asText().contains("clientInfo.name"));
        }
    }

    @Test
    void requestsWrittenJustBeforeEofAreStillAnswered() throws Exception {
        Daemon d = Daemon.start(null);
        d.sendLine("{\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"eof\",\"version\":\"1\"}}}");
        d.sendLine("{\"id\":2,\"method\":\"thread/start\",\"params\":{\"cwd\":\"" + d.work() + "\"}}");
        d.close(); // closes stdin at once and waits for the process to exit
        java.util.Set<Long> answered = new java.util.HashSet<>();
        for (JsonNode n : d.received()) if (n.has("result")) answered.add(n.get("id").asLong());
        assertEquals(java.util.Set.of(1L, 2L), answered, "every request sent before EOF gets its reply");
        assertEquals(0, d.process().exitValue());
    }
}
