package dev.jcodex.appserver.it;

import static dev.jcodex.appserver.it.ForkAndResumeTest.runTurn;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * thread/turns/list, thread/items/list, thread/revert, thread/delete and thread/metadata/update over a spawned
 * daemon: paging with cursors that survive appends and restarts, a revert that the next model request and a
 * resumed thread agree on, and -32602 naming the field for bad params.
 */
class PagedHistoryTest {

    private static List<String> ids(JsonNode data, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : data) out.add(field.isEmpty() ? t.path("id").asText() : t.path(field).path("id").asText());
        return out;
    }

    private static List<String> jsonStrings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    private static JsonNode call(Daemon d, String method, Map<String, Object> params) throws Exception {
        return d.result(d.request(method, params));
    }

    private static void assertInvalidParams(Daemon d, String method, Map<String, Object> params, String field) throws Exception {
        JsonNode r = d.awaitResponse(d.request(method, params));
        assertEquals(-32602, r.path("error").path("code").asInt(), method + " " + params + ": " + r);
        assertTrue(r.path("error").path("message").asText().contains(field), "names " + field + ": " + r);
    }

    @Test
    void turnsAndItemsPageWithCursorsThatSurviveAppendsAndRestarts() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            for (String r : List.of("reply one", "reply two", "reply three", "reply four")) mock.next().message(r, 2).completed();
            String thread, t1, t2, t3, t4, next;
            java.nio.file.Path home, work;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                JsonNode started = call(d, "thread/start", Map.of("cwd", d.work().toString()));
                assertEquals("paginated", started.path("thread").path("historyMode").asText(), "the default, as Codex 0.171");
                thread = started.path("thread").path("id").asText();
                t1 = runTurn(d, thread, "message one", Map.of());
                t2 = runTurn(d, thread, "message two", Map.of());
                t3 = runTurn(d, thread, "message three", Map.of());

                JsonNode all = call(d, "thread/turns/list", Map.of("threadId", thread));
                assertEquals(List.of(t3, t2, t1), ids(all.path("data"), ""), "newest first by default");
                JsonNode newest = all.path("data").get(0);
                assertEquals("summary", newest.path("itemsView").asText());
                assertEquals(t3, newest.path("rootTurnId").asText());
                assertEquals(List.of("userMessage", "agentMessage"), PersistenceTest.types(newest.path("items")));
                assertTrue(all.path("nextCursor").isNull());

                JsonNode page1 = call(d, "thread/turns/list", Map.of("threadId", thread, "limit", 1));
                assertEquals(List.of(t3), ids(page1.path("data"), ""));
                next = page1.path("nextCursor").asText();
                // a turn appended meanwhile changes nothing for a cursor that pages back
                t4 = runTurn(d, thread, "message four", Map.of());
                JsonNode page2 = call(d, "thread/turns/list", Map.of("threadId", thread, "limit", 1, "cursor", next));
                assertEquals(List.of(t2), ids(page2.path("data"), ""));
                JsonNode back = call(d, "thread/turns/list", Map.of("threadId", thread, "sortDirection", "asc",
                        "cursor", page1.path("backwardsCursor").asText()));
                assertEquals(List.of(t3, t4), ids(back.path("data"), ""), "a backwards cursor includes its turn");

                JsonNode items = call(d, "thread/items/list", Map.of("threadId", thread, "limit", 3));
                assertEquals(3, items.path("data").size());
                assertEquals(t1, items.path("data").get(0).path("turnId").asText());
                assertEquals("userMessage", items.path("data").get(0).path("item").path("type").asText());
                JsonNode rest = call(d, "thread/items/list", Map.of("threadId", thread, "cursor", items.path("nextCursor").asText()));
                assertEquals(5, rest.path("data").size(), "8 items in all");
                JsonNode ofT2 = call(d, "thread/items/list", Map.of("threadId", thread, "turnId", t2, "sortDirection", "desc"));
                assertEquals("reply two", ofT2.path("data").get(0).path("item").path("text").asText());
                String agentOfT2 = ofT2.path("data").get(0).path("item").path("id").asText();
                JsonNode beforeAnchor = call(d, "thread/items/list", Map.of("threadId", thread, "turnId", t2,
                        "sortDirection", "desc", "cursor", Map.of("type", "item", "itemId", agentOfT2)));
                assertEquals(1, beforeAnchor.path("data").size(), beforeAnchor.toString());
                assertEquals("userMessage", beforeAnchor.path("data").get(0).path("item").path("type").asText());

                assertInvalidParams(d, "thread/turns/list", Map.of(), "threadId");
                assertInvalidParams(d, "thread/turns/list", Map.of("threadId", thread, "cursor", "garbage"), "cursor");
                assertInvalidParams(d, "thread/turns/list", Map.of("threadId", thread, "limit", 0), "limit");
                assertInvalidParams(d, "thread/turns/list", Map.of("threadId", thread, "sortDirection", "up"), "sortDirection");
                assertInvalidParams(d, "thread/turns/list", Map.of("threadId", thread, "itemsView", "bogus"), "itemsView");
                assertInvalidParams(d, "thread/items/list", Map.of("threadId", thread, "cursor", Map.of("type", "item",
                        "itemId", agentOfT2)), "turnId");
                assertInvalidParams(d, "thread/items/list", Map.of("threadId", thread, "cursor", next), "cursor");
                JsonNode unknown = d.awaitResponse(d.request("thread/turns/list", Map.of("threadId", "01900000-0000-7000-8000-000000000000")));
                assertEquals(-32600, unknown.path("error").path("code").asInt(), unknown.toString());

                call(d, "thread/read", Map.of("threadId", thread, "includeTurns", true));
                JsonNode notice = d.received().stream().filter(n -> "deprecationNotice".equals(n.path("method").asText()))
                        .findFirst().orElseThrow();
                assertTrue(notice.path("params").path("summary").asText().contains("thread/turns/list"), notice.toString());
                home = d.home();
                work = d.work();
            }
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                // not loaded: paged from the rollout, with the cursor handed out before the restart
                JsonNode page2 = call(d, "thread/turns/list", Map.of("threadId", thread, "limit", 2, "cursor", next));
                assertEquals(List.of(t2, t1), ids(page2.path("data"), ""));
                JsonNode resumed = call(d, "thread/resume", Map.of("threadId", thread, "excludeTurns", true));
                assertEquals(0, resumed.path("thread").path("turns").size());
                assertEquals("paginated", resumed.path("thread").path("historyMode").asText());
                JsonNode last = call(d, "thread/turns/list", Map.of("threadId", thread, "limit", 1,
                        "cursor", resumed.path("turnsBackwardsCursor").asText()));
                assertEquals(List.of(t4), ids(last.path("data"), ""));
                JsonNode lastItem = call(d, "thread/items/list", Map.of("threadId", thread, "limit", 1, "sortDirection", "desc",
                        "cursor", resumed.path("itemsBackwardsCursor").asText()));
                assertEquals("reply four", lastItem.path("data").get(0).path("item").path("text").asText());
            }
        }
    }

    @Test
    void revertCutsTheModelHistoryAndPersists() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            for (String r : List.of("reply one", "reply two", "reply three", "after revert", "after restart")) {
                mock.next().message(r, 1).completed();
            }
            String thread, t1, t2, t3, t4;
            java.nio.file.Path home, work;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                thread = d.startThread();
                t1 = runTurn(d, thread, "message one", Map.of());
                t2 = runTurn(d, thread, "message two", Map.of());
                t3 = runTurn(d, thread, "message three", Map.of());
                assertInvalidParams(d, "thread/revert", Map.of("threadId", thread), "beforeTurnId");
                JsonNode none = d.awaitResponse(d.request("thread/revert", Map.of("threadId", thread, "beforeTurnId", "nope")));
                assertEquals(-32600, none.path("error").path("code").asInt(), none.toString());
                assertEquals("turn not found: nope", none.path("error").path("message").asText());

                JsonNode r = call(d, "thread/revert", Map.of("threadId", thread, "beforeTurnId", t2));
                assertEquals(0, r.path("thread").path("turns").size());
                assertFalse(r.path("turnsBackwardsCursor").isNull(), r.toString());
                d.awaitNotification("thread/reverted");
                assertEquals(List.of(t1), ids(call(d, "thread/turns/list", Map.of("threadId", thread)).path("data"), ""));
                JsonNode fork = d.awaitResponse(d.request("thread/fork", Map.of("threadId", thread, "lastTurnId", t3)));
                assertEquals("turn not found: " + t3, fork.path("error").path("message").asText(), "a reverted turn: " + fork);
                t4 = runTurn(d, thread, "message four", Map.of());
                String input = mock.requests().getLast().path("input").toString();
                assertTrue(input.contains("message one") && input.contains("reply one") && input.contains("message four"), input);
                for (String gone : List.of("message two", "reply two", "message three", "reply three")) {
                    assertFalse(input.contains(gone), gone + " was reverted: " + input);
                }
                home = d.home();
                work = d.work();
            }
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode resumed = call(d, "thread/resume", Map.of("threadId", thread));
                assertEquals(2, resumed.path("thread").path("turns").size(), "the revert is in the rollout");
                assertEquals(t1, resumed.path("thread").path("turns").get(0).path("id").asText());
                JsonNode goal = d.awaitNotification("thread/goal/cleared"); // after the answer, as Codex: no goal
                assertEquals(thread, goal.path("params").path("threadId").asText());
                // no turn has run in this process: the revert line is appended to the rollout directly
                call(d, "thread/revert", Map.of("threadId", thread, "beforeTurnId", t4));
                runTurn(d, thread, "message five", Map.of());
                String input = mock.requests().getLast().path("input").toString();
                assertTrue(input.contains("message one") && input.contains("message five"), input);
                assertFalse(input.contains("message four") || input.contains("message two") || input.contains("reply three"), input);
                assertEquals(2, ids(call(d, "thread/turns/list", Map.of("threadId", thread)).path("data"), "").size());
            }
        }
    }

    @Test
    void deleteRemovesTheRolloutAndMetadataUpdatePatchesGitInfo() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("reply one", 1).completed();
            mock.next().message("slow reply", 1).stall(4000).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                java.nio.file.Path agents = Files.writeString(d.work().resolve("AGENTS.md"), "Be brief.\n");
                JsonNode started = call(d, "thread/start", Map.of("cwd", d.work().toString()));
                assertEquals(List.of(agents.toString()), jsonStrings(started.path("instructionSources")), started.toString());
                assertEquals(0, started.path("disabledPluginIds").size(), "no plugins");
                assertTrue(started.path("disabledPluginIds").isArray());
                String thread = started.path("thread").path("id").asText();
                runTurn(d, thread, "message one", Map.of());

                JsonNode set = call(d, "thread/metadata/update", Map.of("threadId", thread,
                        "gitInfo", Map.of("sha", "abc123", "branch", "feature-x")));
                assertEquals("abc123", set.path("thread").path("gitInfo").path("sha").asText());
                Map<String, Object> clearSha = new HashMap<>();
                clearSha.put("sha", null);
                JsonNode cleared = call(d, "thread/metadata/update", Map.of("threadId", thread, "gitInfo", clearSha));
                assertTrue(cleared.path("thread").path("gitInfo").path("sha").isNull(), cleared.toString());
                assertEquals("feature-x", cleared.path("thread").path("gitInfo").path("branch").asText(), "absent: unchanged");
                assertInvalidParams(d, "thread/metadata/update", Map.of("threadId", thread), "gitInfo");
                assertInvalidParams(d, "thread/metadata/update", Map.of("threadId", thread, "gitInfo", Map.of()), "gitInfo");
                assertInvalidParams(d, "thread/metadata/update", Map.of("threadId", thread, "gitInfo", Map.of("sha", "")), "gitInfo.sha");
                assertInvalidParams(d, "thread/metadata/update", Map.of("threadId", thread, "gitInfo", Map.of("tag", "v1")), "gitInfo.tag");
                // persisted: listing (from the index) shows it
                JsonNode listed = call(d, "thread/list", Map.of()).path("data").get(0);
                assertEquals("feature-x", listed.path("gitInfo").path("branch").asText(), listed.toString());

                List<java.nio.file.Path> files = PersistenceTest.rollouts(d.home().resolve("sessions"));
                assertEquals(1, files.size());
                // a running turn pages as inProgress (its start is in the rollout, its end not yet) ...
                String running = d.result(d.request("turn/start", Map.of("threadId", thread,
                        "input", List.of(Map.of("type", "text", "text", "a slow one"))))).path("turn").path("id").asText();
                d.await(n -> "item/completed".equals(n.path("method").asText())
                        && "userMessage".equals(n.path("params").path("item").path("type").asText()), Daemon.TIMEOUT);
                JsonNode live = call(d, "thread/turns/list", Map.of("threadId", thread, "limit", 1));
                assertEquals(running, live.path("data").get(0).path("id").asText());
                assertEquals("inProgress", live.path("data").get(0).path("status").asText(), live.toString());
                // ... and deleting the thread interrupts it first, as Codex does
                assertInvalidParams(d, "thread/delete", Map.of(), "threadId");
                call(d, "thread/delete", Map.of("threadId", thread));
                assertTrue(d.received().stream().anyMatch(n -> "turn/completed".equals(n.path("method").asText())
                        && "interrupted".equals(n.path("params").path("turn").path("status").asText())), "the turn ended first");
                JsonNode deleted = d.awaitNotification("thread/deleted");
                assertEquals(thread, deleted.path("params").path("threadId").asText());
                assertFalse(Files.exists(files.getFirst()), "the rollout is gone");
                assertEquals(0, call(d, "thread/list", Map.of()).path("data").size());
                JsonNode read = d.awaitResponse(d.request("thread/read", Map.of("threadId", thread)));
                assertEquals(-32600, read.path("error").path("code").asInt(), read.toString());
                JsonNode again = d.awaitResponse(d.request("thread/delete", Map.of("threadId", thread)));
                assertEquals(-32600, again.path("error").path("code").asInt(), again.toString());

                JsonNode eph = call(d, "thread/start", Map.of("ephemeral", true));
                JsonNode ephTurns = call(d, "thread/turns/list", Map.of("threadId", eph.path("thread").path("id").asText()));
                assertEquals(0, ephTurns.path("data").size(), "no rollout: paged from memory");
                assertTrue(ephTurns.path("nextCursor").isNull() && ephTurns.path("backwardsCursor").isNull(), ephTurns.toString());
                JsonNode refused = d.awaitResponse(d.request("thread/delete", Map.of("threadId", eph.path("thread").path("id").asText())));
                assertEquals(-32600, refused.path("error").path("code").asInt(), refused.toString());
            }
        }
    }

    private static int indexOf(List<JsonNode> all, java.util.function.Predicate<JsonNode> p) {
        for (int i = 0; i < all.size(); i++) if (p.test(all.get(i))) return i;
        return -1;
    }

    @Test
    void settingsReadStateAndDeprecationNoticesComeWhereCodexSendsThem() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            for (String r : List.of("reply one", "reply two", "reply legacy")) mock.next().message(r, 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String thread = d.startThread();
                String t1 = runTurn(d, thread, "message one", Map.of());
                List<JsonNode> first = d.received();
                int read = indexOf(first, n -> "thread/readState/changed".equals(n.path("method").asText()));
                int done = indexOf(first, n -> "turn/completed".equals(n.path("method").asText()));
                assertTrue(read >= 0 && read < done, "readState/changed before turn/completed");
                int idleAfter = indexOf(first.subList(read, done), n -> "thread/status/changed".equals(n.path("method").asText())
                        && "idle".equals(n.path("params").path("status").path("type").asText()));
                assertTrue(idleAfter > 0, "and before the thread turns idle, as in Codex");
                JsonNode state = first.get(read).path("params").path("readState");
                assertEquals(t1, state.path("firstUnread").path("turnId").asText(), state.toString());
                assertEquals("turn", state.path("firstUnread").path("type").asText());
                assertFalse(state.path("revision").asText().isEmpty());

                // a turn whose overrides change the settings: told before the turn/start answer
                long id = d.request("turn/start", Map.of("threadId", thread, "model", "gpt-5.4", "effort", "high",
                        "input", List.of(Map.of("type", "text", "text", "message two"))));
                String t2 = d.result(id).path("turn").path("id").asText();
                List<JsonNode> all = d.received();
                int settings = indexOf(all, n -> "thread/settings/updated".equals(n.path("method").asText()));
                int answer = indexOf(all, n -> n.path("id").asLong(-1) == id && n.has("result"));
                assertTrue(settings >= 0 && settings < answer, "settings/updated before the answer");
                JsonNode ts = all.get(settings).path("params").path("threadSettings");
                assertEquals("gpt-5.4", ts.path("model").asText(), ts.toString());
                assertEquals("high", ts.path("effort").asText());
                assertEquals("default", ts.path("collaborationMode").path("mode").asText());
                d.await(n -> "turn/completed".equals(n.path("method").asText())
                        && t2.equals(n.path("params").path("turn").path("id").asText()), Daemon.TIMEOUT);
                int before = (int) d.received().stream().filter(n -> "thread/settings/updated".equals(n.path("method").asText())).count();
                String same = runTurn(d, thread, "message three", Map.of("model", "gpt-5.4"));
                assertNotNull(same);
                assertEquals(before, d.received().stream().filter(n -> "thread/settings/updated".equals(n.path("method").asText())).count(),
                        "no change, no notification");

                // reverting every turn: the first unread position goes away
                call(d, "thread/revert", Map.of("threadId", thread, "beforeTurnId", t1));
                JsonNode cleared = d.await(n -> "thread/readState/changed".equals(n.path("method").asText())
                        && n.path("params").path("readState").path("firstUnread").isNull(), Daemon.TIMEOUT);
                assertNotNull(cleared);

                // legacy threads are hydrated whole without a notice; paginated ones get one
                JsonNode legacy = call(d, "thread/start", Map.of("historyMode", "legacy", "threadSource", "ide-panel"));
                assertEquals("legacy", legacy.path("thread").path("historyMode").asText());
                assertEquals("ide-panel", legacy.path("thread").path("threadSource").asText());
                String legacyId = legacy.path("thread").path("id").asText();
                runTurn(d, legacyId, "legacy message", Map.of());
                call(d, "thread/unsubscribe", Map.of("threadId", legacyId));
                JsonNode listed = null;
                for (JsonNode t : call(d, "thread/list", Map.of()).path("data")) if (t.path("id").asText().equals(legacyId)) listed = t;
                assertNotNull(listed);
                assertEquals("ide-panel", listed.path("threadSource").asText(), listed.toString());
                String meta = Files.readAllLines(java.nio.file.Path.of(listed.path("path").asText())).getFirst();
                assertTrue(meta.contains("\"thread_source\":\"ide-panel\""), "kept in session_meta: " + meta);
                assertEquals("legacy", listed.path("historyMode").asText());
                call(d, "thread/read", Map.of("threadId", legacyId, "includeTurns", true));
                call(d, "thread/read", Map.of("threadId", thread, "includeTurns", false));
                assertEquals(0, d.received().stream().filter(n -> "deprecationNotice".equals(n.path("method").asText())).count());
                long resume = d.request("thread/resume", Map.of("threadId", thread));
                d.result(resume);
                List<JsonNode> after = d.received();
                int notice = indexOf(after, n -> "deprecationNotice".equals(n.path("method").asText()));
                assertTrue(notice >= 0 && notice < indexOf(after, n -> n.path("id").asLong(-1) == resume && n.has("result")),
                        "the notice precedes the answer, as Codex sends it");
                assertTrue(after.get(notice).path("params").path("summary").asText().contains("excludeTurns"), after.get(notice).toString());
            }
        }
    }
}
