package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * thread/fork through a given turn ({@code lastTurnId}) and what resume restores of the saved settings
 * (the reasoning effort), checked against the reference's observed behaviour.
 */
class ForkAndResumeTest {

    static List<String> turnIds(JsonNode thread) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : thread.path("turns")) out.add(t.path("id").asText());
        return out;
    }

    static String runTurn(Daemon d, String threadId, String text, Map<String, Object> extra) throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("threadId", threadId, "input", List.of(Map.of("type", "text", "text", text))));
        p.putAll(extra);
        String turnId = d.result(d.request("turn/start", p)).path("turn").path("id").asText();
        d.await(n -> "turn/completed".equals(n.path("method").asText())
                && turnId.equals(n.path("params").path("turn").path("id").asText()), Daemon.TIMEOUT);
        return turnId;
    }

    @Test
    void forkThroughALastTurnIdKeepsThatTurnAndTheOnesBefore() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            for (String r : List.of("reply one", "reply two", "reply three", "reply on the fork", "reply on the ephemeral fork")) {
                mock.next().message(r, 1).completed();
            }
            mock.next().message("slow", 1).stall(4000).completed();
            Path home, work;
            String src, t1, t2, t3;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                src = d.startThread();
                t1 = runTurn(d, src, "message one", Map.of());
                t2 = runTurn(d, src, "message two", Map.of());
                t3 = runTurn(d, src, "message three", Map.of());
                d.result(d.request("thread/name/set", Map.of("threadId", src, "name", "Named after turn three")));
                int rollouts = PersistenceTest.rollouts(d.home().resolve("sessions")).size();

                JsonNode fork = d.result(d.request("thread/fork", Map.of("threadId", src, "lastTurnId", t2))).path("thread");
                String forkId = fork.path("id").asText();
                assertEquals(List.of(t1, t2), turnIds(fork), "turns through t2, with their ids");
                assertEquals(src, fork.path("forkedFromId").asText());
                assertEquals("Named after turn three", fork.path("name").asText(), "the name is inherited");
                runTurn(d, forkId, "message four", Map.of());
                String input = mock.requests().getLast().path("input").toString();
                for (String s : List.of("message one", "reply one", "message two", "reply two", "message four")) {
                    assertTrue(input.contains(s), s + " in " + input);
                }
                assertFalse(input.contains("message three") || input.contains("reply three"), input);
                assertEquals(List.of(t1, t2), turnIds(d.result(d.request("thread/read",
                        Map.of("threadId", forkId, "includeTurns", true))).path("thread")).subList(0, 2));

                JsonNode unknown = d.awaitResponse(d.request("thread/fork", Map.of("threadId", src, "lastTurnId", "nope")));
                assertEquals(-32600, unknown.path("error").path("code").asInt(), unknown.toString());
                assertEquals("turn not found: nope", unknown.path("error").path("message").asText());
                assertEquals(rollouts + 1, PersistenceTest.rollouts(d.home().resolve("sessions")).size(),
                        "a refused fork leaves no rollout behind");

                JsonNode eph = d.result(d.request("thread/fork", Map.of("threadId", src, "lastTurnId", t1, "ephemeral", true)))
                        .path("thread");
                assertEquals(List.of(t1), turnIds(eph));
                runTurn(d, eph.path("id").asText(), "on the ephemeral fork", Map.of());
                String ephInput = mock.requests().getLast().path("input").toString();
                assertTrue(ephInput.contains("reply one") && !ephInput.contains("message two"), ephInput);

                JsonNode all = d.result(d.request("thread/fork", Map.of("threadId", src, "lastTurnId", t3))).path("thread");
                assertEquals(List.of(t1, t2, t3), turnIds(all));

                // The turn that is still running cannot be forked through.
                String running = d.startTurn(src, "slow one");
                d.awaitNotification("turn/started");
                JsonNode busy = d.awaitResponse(d.request("thread/fork", Map.of("threadId", src, "lastTurnId", running)));
                assertEquals(-32600, busy.path("error").path("code").asInt(), busy.toString());
                assertEquals("lastTurnId '" + running + "' identifies an in-progress turn", busy.path("error").path("message").asText());
                d.await(n -> "turn/completed".equals(n.path("method").asText())
                        && running.equals(n.path("params").path("turn").path("id").asText()), Daemon.TIMEOUT);
                home = d.home();
                work = d.work();
            }
            // From disk, after a restart (the source is not loaded).
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode fork = d.result(d.request("thread/fork", Map.of("threadId", src, "lastTurnId", t1))).path("thread");
                assertEquals(List.of(t1), turnIds(fork));
                JsonNode missing = d.awaitResponse(d.request("thread/fork", Map.of("threadId", src,
                        "lastTurnId", "019df000-0000-7000-8000-000000000000")));
                assertEquals("turn not found: 019df000-0000-7000-8000-000000000000", missing.path("error").path("message").asText());
            }
        }
    }

    @Test
    void resumeRestoresTheSavedEffortUnlessTheModelOrEffortIsGivenAgain() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            Path home, work;
            List<String> ids = new ArrayList<>();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                for (int i = 0; i < 5; i++) {
                    String id = d.startThread();
                    ids.add(id);
                    runTurn(d, id, "effort high " + i, Map.of("effort", "high"));
                    assertEquals("high", mock.requests().getLast().path("reasoning").path("effort").asText());
                }
                home = d.home();
                work = d.work();
            }
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode plain = d.result(d.request("thread/resume", Map.of("threadId", ids.get(0))));
                assertEquals("high", plain.path("reasoningEffort").asText(), plain.toString());
                runTurn(d, ids.get(0), "after the resume", Map.of());
                assertEquals("high", mock.requests().getLast().path("reasoning").path("effort").asText(), "the model gets it too");

                // Choosing the model again (by name, provider or config) falls back to the config's effort (none here).
                List<Map<String, Object>> choices = List.of(Map.of("model", "mock-model"),
                        Map.of("config", Map.of("model", "mock-model")), Map.of("modelProvider", "mock"));
                for (int i = 0; i < choices.size(); i++) {
                    Map<String, Object> choice = choices.get(i);
                    Map<String, Object> p = new HashMap<>(choice);
                    p.put("threadId", ids.get(1 + i));
                    JsonNode r = d.result(d.request("thread/resume", p));
                    assertTrue(r.path("reasoningEffort").isNull(), choice + ": " + r.path("reasoningEffort"));
                }
                JsonNode explicit = d.result(d.request("thread/resume", Map.of("threadId", ids.get(4),
                        "config", Map.of("model_reasoning_effort", "low"))));
                assertEquals("low", explicit.path("reasoningEffort").asText());

                // A fork starts at the config's effort, as the reference's does.
                JsonNode fork = d.result(d.request("thread/fork", Map.of("threadId", ids.get(0))));
                assertTrue(fork.path("reasoningEffort").isNull(), fork.path("reasoningEffort").toString());
            }
        }
    }

    @Test
    void otherConfigOverridesKeepTheSavedEffort() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            Path home, work;
            String id;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                id = d.startThread();
                runTurn(d, id, "effort high", Map.of("effort", "high"));
                home = d.home();
                work = d.work();
            }
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode r = d.result(d.request("thread/resume", Map.of("threadId", id,
                        "config", Map.of("model_verbosity", "low", "model_reasoning_summary", "concise"))));
                assertEquals("high", r.path("reasoningEffort").asText(), r.toString());
            }
        }
    }
}
