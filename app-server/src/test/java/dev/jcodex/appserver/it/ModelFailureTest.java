package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFailureTest {
    @Test
    void http500FailsTheTurnWithAnErrorNotification() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.httpError(500, "{\"error\":{\"message\":\"boom\"}}");
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                d.startTurn(threadId, "hi");
                JsonNode err = d.awaitNotification("error");
                assertFalse(err.path("params").path("willRetry").asBoolean());
                assertEquals("internalServerError", err.path("params").path("error").path("codexErrorInfo").asText());
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("failed", done.path("params").path("turn").path("status").asText());
                assertFalse(done.path("params").path("turn").path("error").isNull());
            }
        }
    }

    @Test
    void streamCutMidMessageClosesTheItemAndFailsTheTurn() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("partial text that never completes", 4);
            // drop the message's done event and response.completed: a stream cut mid-item
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                d.startTurn(threadId, "hi");
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("failed", done.path("params").path("turn").path("status").asText());
                assertStartedItemsCompleted(d.received());
            }
        }
    }

    @Test
    void responseFailedMapsContextWindowExceeded() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().failed("context_length_exceeded", "too long");
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                d.startTurn(d.startThread(), "hi");
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("contextWindowExceeded",
                        done.path("params").path("turn").path("error").path("codexErrorInfo").asText());
            }
        }
    }

    @Test
    void streamDisconnectIsRetriedWithWillRetryAndTheTurnCompletes() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("cut", 2); // no completed: a disconnect
            mock.next().message("second try works", 2).completed();
            String cfg = mock.configToml("").replace("stream_max_retries = 0", "stream_max_retries = 2");
            try (Daemon d = Daemon.start(cfg)) {
                d.initialize();
                d.startTurn(d.startThread(), "hi");
                JsonNode err = d.awaitNotification("error");
                assertTrue(err.path("params").path("willRetry").asBoolean());
                assertTrue(err.path("params").path("error").path("codexErrorInfo").has("responseStreamDisconnected"));
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertStartedItemsCompleted(d.received());
                assertEquals(2, mock.requests().size());
            }
        }
    }

    static void assertStartedItemsCompleted(List<JsonNode> msgs) {
        java.util.Set<String> open = new java.util.HashSet<>();
        for (JsonNode n : msgs) {
            String m = n.path("method").asText();
            if (m.equals("item/started")) open.add(n.path("params").path("item").path("id").asText());
            if (m.equals("item/completed")) open.remove(n.path("params").path("item").path("id").asText());
        }
        assertTrue(open.isEmpty(), "items started but never completed: " + open);
    }
}
