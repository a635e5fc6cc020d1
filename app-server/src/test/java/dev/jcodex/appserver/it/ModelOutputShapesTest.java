package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Model output as servers other than OpenAI's stream it, and what the model labels it with: deltas without
 * {@code item_id} (gateways, OpenAI-compatible servers) continue the open item instead of each opening a new
 * one, and an assistant message's {@code phase} reaches the client, the rollout and the next request.
 */
class ModelOutputShapesTest {

    /** The notifications of one turn, in order. */
    private static List<JsonNode> ofTurn(Daemon d, String turnId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : d.received()) {
            JsonNode p = n.path("params");
            String t = p.has("turnId") ? p.path("turnId").asText() : p.path("turn").path("id").asText();
            if (n.has("method") && turnId.equals(t)) out.add(n);
        }
        return out;
    }

    private static List<JsonNode> items(List<JsonNode> ns, String method, String type) {
        return ns.stream().filter(n -> n.path("method").asText().equals(method)
                && n.path("params").path("item").path("type").asText().equals(type)).toList();
    }

    /** One agentMessage started and completed with {@code text}, every delta on that item; returns its id. */
    private static String oneMessage(List<JsonNode> ns, String text) {
        List<JsonNode> started = items(ns, "item/started", "agentMessage");
        List<JsonNode> completed = items(ns, "item/completed", "agentMessage");
        assertEquals(1, started.size(), "one agentMessage started: " + ns);
        assertEquals(1, completed.size(), "one agentMessage completed: " + ns);
        String id = started.getFirst().path("params").path("item").path("id").asText();
        assertEquals(id, completed.getFirst().path("params").path("item").path("id").asText());
        assertEquals(text, completed.getFirst().path("params").path("item").path("text").asText());
        StringBuilder joined = new StringBuilder();
        for (JsonNode n : ns) {
            if (!n.path("method").asText().equals("item/agentMessage/delta")) continue;
            assertEquals(id, n.path("params").path("itemId").asText(), "every delta on the open message");
            joined.append(n.path("params").path("delta").asText());
        }
        assertEquals(text, joined.toString());
        return id;
    }

    @Test
    void deltasWithoutItemIdContinueTheOpenItem() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            // output_item.added names the items; the deltas (text, summary part, summary, reasoning text) do not
            mock.next().unnamedReasoning("rs_1", "thin", "king").unnamedMessage("hello world", 4, "msg_a", "msg_a", true)
                    .completed();
            // no output_item.added at all, and a done item without an id
            mock.next().unnamedMessage("second answer", 3, null, null, true).completed();
            // only deltas: no added, no done, then response.completed
            mock.next().unnamedMessage("third one", 3, null, null, false).completed();
            // named by output_item.added, never done
            mock.next().unnamedMessage("fourth one", 2, "msg_d", null, false).completed();
            mock.next().message("fifth", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                List<String> turns = new ArrayList<>();
                for (String text : List.of("one", "two", "three", "four", "five")) {
                    String turnId = d.startTurn(threadId, text);
                    JsonNode done = d.await(n -> n.path("method").asText().equals("turn/completed")
                            && n.path("params").path("turn").path("id").asText().equals(turnId), Daemon.TIMEOUT);
                    assertEquals("completed", done.path("params").path("turn").path("status").asText());
                    turns.add(turnId);
                }

                List<JsonNode> first = ofTurn(d, turns.get(0));
                assertEquals("msg_a", oneMessage(first, "hello world"));
                List<JsonNode> reasoning = items(first, "item/started", "reasoning");
                assertEquals(1, reasoning.size(), "one reasoning item: " + first);
                assertTrue(first.stream().anyMatch(n -> n.path("method").asText().equals("item/reasoning/textDelta")),
                        "the reasoning text delta arrives: " + first);
                for (JsonNode n : first) {
                    String m = n.path("method").asText();
                    if (m.equals("item/reasoning/summaryTextDelta") || m.equals("item/reasoning/summaryPartAdded")
                            || m.equals("item/reasoning/textDelta")) {
                        assertEquals("rs_1", n.path("params").path("itemId").asText());
                    }
                }
                assertEquals("thinking", items(first, "item/completed", "reasoning").getFirst()
                        .path("params").path("item").path("summary").get(0).asText());

                oneMessage(ofTurn(d, turns.get(1)), "second answer");
                oneMessage(ofTurn(d, turns.get(2)), "third one");
                assertEquals("msg_d", oneMessage(ofTurn(d, turns.get(3)), "fourth one"));

                // the answer streamed without any item events is still the model's own history
                JsonNode input = mock.requests().get(4).path("input");
                List<String> assistant = new ArrayList<>();
                for (JsonNode it : input) {
                    if (it.path("role").asText().equals("assistant")) assistant.add(it.path("content").get(0).path("text").asText());
                }
                assertEquals(List.of("hello world", "second answer", "third one", "fourth one"), assistant);
                assertTrue(d.badLines().isEmpty());
            }
        }
    }

    @Test
    void phaseReachesTheClientTheNextRequestAndTheRollout() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("Let me look.", 2, "commentary").message("Here it is.", 2, "final_answer").completed();
            mock.next().message("plain", 1).completed();
            Path home;
            Path work;
            String threadId;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                home = d.home();
                work = d.work();
                d.initialize();
                threadId = d.startThread();
                String turnId = d.startTurn(threadId, "look");
                JsonNode done = d.awaitNotification("turn/completed");
                List<JsonNode> completed = items(ofTurn(d, turnId), "item/completed", "agentMessage");
                assertEquals(List.of("commentary", "final_answer"),
                        completed.stream().map(n -> n.path("params").path("item").path("phase").asText()).toList());
                assertEquals("final_answer", done.path("params").path("turn").path("items").get(0).path("phase").asText());
                String second = d.startTurn(threadId, "again");
                d.await(n -> n.path("method").asText().equals("turn/completed")
                        && n.path("params").path("turn").path("id").asText().equals(second), Daemon.TIMEOUT);
                JsonNode plain = items(ofTurn(d, second), "item/completed", "agentMessage").getFirst();
                assertTrue(plain.path("params").path("item").path("phase").isNull(), "no phase from the model: null");
            }
            List<String> sent = new ArrayList<>();
            for (JsonNode it : mock.requests().get(1).path("input")) {
                if (it.path("role").asText().equals("assistant")) sent.add(it.path("phase").asText());
            }
            assertEquals(List.of("commentary", "final_answer"), sent, "the model gets its phases back");
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode turns = d.result(d.request("thread/read", Map.of("threadId", threadId, "includeTurns", true)))
                        .path("thread").path("turns");
                List<String> phases = new ArrayList<>();
                for (JsonNode item : turns.get(0).path("items")) {
                    if (item.path("type").asText().equals("agentMessage")) phases.add(item.path("phase").asText());
                }
                assertEquals(List.of("commentary", "final_answer"), phases);
            }
        }
    }
}
