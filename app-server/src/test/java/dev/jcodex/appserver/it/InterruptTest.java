package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterruptTest {
    @Test
    void interruptDuringStreamingEndsTheTurnInterruptedWithItemsClosed() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("a slow reply that will be interrupted part way through", 40).delayBetween(200).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                String turnId = d.startTurn(threadId, "hi");
                d.awaitNotification("item/agentMessage/delta");
                JsonNode r = d.result(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId)));
                assertTrue(r.isObject() && r.isEmpty());
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("interrupted", done.path("params").path("turn").path("status").asText());
                assertTrue(done.path("params").path("turn").path("error").isNull());
                ModelFailureTest.assertStartedItemsCompleted(d.received());

                JsonNode wrong = d.awaitResponse(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId)));
                assertEquals(-32600, wrong.path("error").path("code").asInt());
            }
        }
    }
}
