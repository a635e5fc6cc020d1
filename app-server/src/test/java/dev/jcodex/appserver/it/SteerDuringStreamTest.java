package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * turn/steer while the model is still streaming, as Codex 0.171 does it: the rest of that response is dropped
 * and the next request goes out at once with the steer. What had completed stays: a tool call that arrived
 * before the steer runs (its output goes with the next request); the message cut mid-stream is completed with
 * the text that had arrived (Codex leaves it open) and is not sent back to the model.
 */
class SteerDuringStreamTest {

    @Test
    void steerCutsTheStreamingResponseAndGoesOutAtOnce() throws Exception {
        String partial = "A".repeat(40);
        try (MockResponses mock = new MockResponses()) {
            String cmd = Daemon.M.createObjectNode().put("cmd", "echo ran > ran.txt").put("login", false)
                    .put("yield_time_ms", 10_000).toString();
            // ~4.5 s of stream if nobody cuts it
            mock.next().functionCall("call_1", "exec_command", cmd).message(partial, 40).completed().delayBetween(100);
            mock.next().message("after steer", 2).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                String turnId = d.startTurn(threadId, "go");
                d.awaitNotification("item/agentMessage/delta");
                long steeredAt = System.nanoTime();
                long steerId = d.request("turn/steer", Map.of("threadId", threadId, "expectedTurnId", turnId,
                        "input", List.of(Map.of("type", "text", "text", "steer now"))));
                JsonNode ok = d.result(steerId);
                assertEquals(turnId, ok.path("turnId").asText());
                JsonNode done = d.awaitNotification("turn/completed");
                long tookMs = (System.nanoTime() - steeredAt) / 1_000_000;
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertEquals("after steer", done.path("params").path("turn").path("items").get(0).path("text").asText());
                assertTrue(tookMs < 3000, "the steer did not wait for the stream to end: " + tookMs + " ms");

                // the client hears the steer's answer before the steer's user message (as from Codex)
                List<JsonNode> all = d.received();
                int answered = -1, steerItem = -1;
                for (int i = 0; i < all.size(); i++) {
                    JsonNode n = all.get(i);
                    if (!n.has("method") && n.path("id").asLong(-1) == steerId) answered = i;
                    if (n.path("method").asText().equals("item/started")
                            && n.path("params").path("item").path("content").toString().contains("steer now")) steerItem = i;
                }
                assertTrue(answered >= 0 && answered < steerItem, "answer " + answered + " before item " + steerItem);

                // the cut message: started, completed with what had arrived, before the steer's user message
                List<String> order = new ArrayList<>();
                String cutText = null;
                for (JsonNode n : d.received()) {
                    String m = n.path("method").asText();
                    JsonNode item = n.path("params").path("item");
                    if (!m.equals("item/started") && !m.equals("item/completed")) continue;
                    order.add(m.substring(5) + ":" + item.path("type").asText());
                    if (m.equals("item/completed") && item.path("type").asText().equals("agentMessage") && cutText == null) {
                        cutText = item.path("text").asText();
                    }
                }
                assertNotNull(cutText);
                assertTrue(!cutText.isEmpty() && cutText.length() < partial.length() && partial.startsWith(cutText),
                        "cut text is what had arrived: " + cutText);
                assertEquals(List.of("started:userMessage", "completed:userMessage", "started:agentMessage",
                        "completed:agentMessage", "started:commandExecution", "completed:commandExecution",
                        "started:userMessage", "completed:userMessage", "started:agentMessage", "completed:agentMessage"),
                        order);

                // the tool call that had arrived ran; the next request has its output and the steer, not the cut text
                assertTrue(Files.exists(d.work().resolve("ran.txt")));
                assertEquals(2, mock.requests().size());
                JsonNode input = mock.requests().get(1).path("input");
                String sent = input.toString();
                assertTrue(sent.contains("\"function_call_output\"") && sent.contains("call_1"), sent);
                assertFalse(sent.contains("AAAA"), "the cut message is not sent back: " + sent);
                JsonNode last = input.get(input.size() - 1);
                assertEquals("user", last.path("role").asText());
                assertEquals("steer now", last.path("content").get(0).path("text").asText());
            }
        }
    }
}
