package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Threads survive restarts and crashes: rollouts, the index, list/read/resume/fork/archive/rename. */
class PersistenceTest {

    @Test
    void restartListsReadsAndResumesWithHistoryInTheNextRequest() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("Noted: the secret word is PINEAPPLE.", 5).completed();
            mock.next().message("The word was PINEAPPLE.", 3).completed();
            Path home, work;
            String threadId;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                threadId = d.startThread();
                d.startTurn(threadId, "Remember the secret word PINEAPPLE.");
                d.awaitNotification("turn/completed");
                home = d.home();
                work = d.work();
            }
            Path rollout = onlyRollout(home.resolve("sessions"));
            assertTrue(rollout.getFileName().toString().endsWith(threadId + ".jsonl"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rollout)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("history.jsonl"))));
            assertTrue(Files.readString(home.resolve("history.jsonl")).contains("Remember the secret word PINEAPPLE."));

            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode list = d.result(d.request("thread/list", Map.of()));
                assertEquals(1, list.path("data").size());
                JsonNode listed = list.path("data").get(0);
                assertEquals(threadId, listed.path("id").asText());
                assertEquals("Remember the secret word PINEAPPLE.", listed.path("preview").asText());
                assertEquals("notLoaded", listed.path("status").path("type").asText());
                assertEquals(rollout.toString(), listed.path("path").asText());
                assertTrue(list.path("nextCursor").isNull());

                JsonNode read = d.result(d.request("thread/read", Map.of("threadId", threadId, "includeTurns", true)));
                JsonNode turns = read.path("thread").path("turns");
                assertEquals(1, turns.size());
                assertEquals("completed", turns.get(0).path("status").asText());
                assertEquals(List.of("userMessage", "agentMessage"), types(turns.get(0).path("items")));
                assertEquals("Noted: the secret word is PINEAPPLE.", turns.get(0).path("items").get(1).path("text").asText());

                JsonNode resumed = d.result(d.request("thread/resume", Map.of("threadId", threadId)));
                assertEquals("idle", resumed.path("thread").path("status").path("type").asText());
                assertEquals(1, resumed.path("thread").path("turns").size());
                d.startTurn(threadId, "What was the secret word?");
                d.awaitNotification("turn/completed");
                String input = mock.requests().getLast().path("input").toString();
                assertTrue(input.contains("Remember the secret word PINEAPPLE."), input);
                assertTrue(input.contains("Noted: the secret word is PINEAPPLE."), input);
                assertTrue(input.contains("What was the secret word?"), input);
                assertEquals(1, count(input, "<environment_context>"), "initial context is not sent twice");

                JsonNode again = d.result(d.request("thread/read", Map.of("threadId", threadId, "includeTurns", true)));
                assertEquals(2, again.path("thread").path("turns").size());
            }
        }
    }

    @Test
    void killDuringStreamingKeepsCompletedItemsAndReadsTheTurnAsInterrupted() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("first answer", 2).completed();
            mock.next().message("a long answer that is still streaming when the daemon dies", 40).delayBetween(150).completed();
            mock.next().message("resumed fine", 2).completed();
            Path home, work;
            String threadId;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                threadId = d.startThread();
                d.startTurn(threadId, "turn one");
                d.awaitNotification("turn/completed");
                d.startTurn(threadId, "turn two");
                d.awaitNotification("item/agentMessage/delta");
                d.kill();
                home = d.home();
                work = d.work();
            }
            // A crash can also cut the line being written: the reader must skip it.
            Path rollout = onlyRollout(home.resolve("sessions"));
            Files.writeString(rollout, "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"type\":\"event_msg\",\"payl",
                    java.nio.file.StandardOpenOption.APPEND);

            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode list = d.result(d.request("thread/list", Map.of()));
                assertEquals(threadId, list.path("data").get(0).path("id").asText());
                JsonNode turns = d.result(d.request("thread/read", Map.of("threadId", threadId, "includeTurns", true)))
                        .path("thread").path("turns");
                assertEquals(2, turns.size());
                assertEquals("completed", turns.get(0).path("status").asText());
                assertEquals("interrupted", turns.get(1).path("status").asText());
                assertEquals("userMessage", turns.get(1).path("items").get(0).path("type").asText());
                assertEquals("turn two", turns.get(1).path("items").get(0).path("content").get(0).path("text").asText());

                d.result(d.request("thread/resume", Map.of("threadId", threadId)));
                d.startTurn(threadId, "turn three");
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                String input = mock.requests().getLast().path("input").toString();
                for (String s : List.of("turn one", "first answer", "turn two", "turn_aborted", "turn three")) {
                    assertTrue(input.contains(s), s + " missing from " + input);
                }
            }
        }
    }

    @Test
    void killAfterAToolResultKeepsTheResultInTheResumedHistory() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_7", "no_such_tool", "{}").completed();
            mock.next().stall(30_000).message("never arrives", 1).completed();
            mock.next().message("after the crash", 1).completed();
            Path home, work;
            String threadId;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                threadId = d.startThread();
                d.startTurn(threadId, "use a tool");
                long deadline = System.currentTimeMillis() + 20_000;
                while (mock.requests().size() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(20);
                assertEquals(2, mock.requests().size(), "the follow-up request was sent");
                d.kill();
                home = d.home();
                work = d.work();
            }
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                d.result(d.request("thread/resume", Map.of("threadId", threadId)));
                d.startTurn(threadId, "continue");
                d.awaitNotification("turn/completed");
                JsonNode input = mock.requests().getLast().path("input");
                JsonNode output = null;
                for (JsonNode item : input) {
                    if ("function_call_output".equals(item.path("type").asText()) && "call_7".equals(item.path("call_id").asText())) {
                        output = item;
                    }
                }
                assertNotNull(output, input.toString());
                assertFalse(output.path("output").toString().contains("cut off"), "the real result was kept: " + output);
                assertEquals(1, count(input.toString(), "\"call_id\":\"call_7\",\"output\""), "one output per call");
            }
        }
    }

    @Test
    void forkCopiesHistoryUnderANewId() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("First reply.", 2).completed();
            mock.next().message("Fork reply.", 2).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String src = d.startThread();
                d.startTurn(src, "First message.");
                d.awaitNotification("turn/completed");
                JsonNode fork = d.result(d.request("thread/fork", Map.of("threadId", src)));
                String forkId = fork.path("thread").path("id").asText();
                assertNotEquals(src, forkId);
                assertEquals(src, fork.path("thread").path("forkedFromId").asText());
                assertEquals(1, fork.path("thread").path("turns").size());
                assertEquals(forkId, d.await(n -> "thread/started".equals(n.path("method").asText())
                        && forkId.equals(n.path("params").path("thread").path("id").asText()), Daemon.TIMEOUT)
                        .path("params").path("thread").path("id").asText());
                d.startTurn(forkId, "Second message on the fork.");
                d.awaitNotification("turn/completed");
                String input = mock.requests().getLast().path("input").toString();
                assertTrue(input.contains("First message.") && input.contains("First reply."), input);
                JsonNode list = d.result(d.request("thread/list", Map.of()));
                assertEquals(2, list.path("data").size());
                JsonNode srcTurns = d.result(d.request("thread/read", Map.of("threadId", src, "includeTurns", true)))
                        .path("thread").path("turns");
                assertEquals(1, srcTurns.size(), "the source is untouched");
            }
        }
    }

    @Test
    void archiveAndUnarchiveMoveTheRolloutAndNotify() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("ok", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String id = d.startThread();
                d.startTurn(id, "archive me");
                d.awaitNotification("turn/completed");
                Path original = onlyRollout(d.home().resolve("sessions"));
                JsonNode r = d.result(d.request("thread/archive", Map.of("threadId", id)));
                assertTrue(r.isObject() && r.isEmpty());
                assertEquals(id, d.awaitNotification("thread/archived").path("params").path("threadId").asText());
                assertFalse(Files.exists(original));
                assertTrue(Files.exists(d.home().resolve("archived_sessions").resolve(original.getFileName())));
                assertEquals(0, d.result(d.request("thread/list", Map.of())).path("data").size());
                JsonNode archived = d.result(d.request("thread/list", Map.of("archived", true)));
                assertEquals(id, archived.path("data").get(0).path("id").asText());
                assertEquals(0, d.result(d.request("thread/loaded/list", Map.of())).path("data").size());

                JsonNode un = d.result(d.request("thread/unarchive", Map.of("threadId", id)));
                assertEquals(id, un.path("thread").path("id").asText());
                assertEquals(id, d.awaitNotification("thread/unarchived").path("params").path("threadId").asText());
                assertTrue(Files.exists(original));
                assertEquals(1, d.result(d.request("thread/list", Map.of())).path("data").size());
                JsonNode bad = d.awaitResponse(d.request("thread/unarchive", Map.of("threadId", id)));
                assertEquals(-32600, bad.path("error").path("code").asInt());
            }
        }
    }

    @Test
    void renameLoadedListUnsubscribeAndEphemeralThreads() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("ok", 1).completed();
            mock.next().message("ok", 1).completed();
            Path home, work;
            String id;
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                id = d.startThread();
                d.startTurn(id, "name me");
                d.awaitNotification("turn/completed");
                assertTrue(d.result(d.request("thread/name/set", Map.of("threadId", id, "name", "My thread"))).isEmpty());
                JsonNode n = d.awaitNotification("thread/name/updated");
                assertEquals("My thread", n.path("params").path("threadName").asText());
                JsonNode eph = d.result(d.request("thread/start", Map.of("cwd", d.work().toString(), "ephemeral", true)));
                String ephId = eph.path("thread").path("id").asText();
                assertTrue(eph.path("thread").path("path").isNull());
                d.startTurn(ephId, "ephemeral turn");
                d.awaitNotification("turn/completed");
                JsonNode loaded = d.result(d.request("thread/loaded/list", Map.of()));
                assertEquals(Set.of(id, ephId), Set.of(loaded.path("data").get(0).asText(), loaded.path("data").get(1).asText()));
                assertEquals("unsubscribed", d.result(d.request("thread/unsubscribe", Map.of("threadId", id))).path("status").asText());
                assertEquals("notSubscribed", d.result(d.request("thread/unsubscribe", Map.of("threadId", id))).path("status").asText());
                assertEquals("notLoaded", d.result(d.request("thread/unsubscribe",
                        Map.of("threadId", "00000000-0000-7000-8000-000000000000"))).path("status").asText());
                home = d.home();
                work = d.work();
            }
            assertEquals(1, rollouts(home.resolve("sessions")).size(), "the ephemeral thread wrote nothing");
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode list = d.result(d.request("thread/list", Map.of("searchTerm", "thread")));
                assertEquals(1, list.path("data").size());
                assertEquals("My thread", list.path("data").get(0).path("name").asText());
                JsonNode missing = d.awaitResponse(d.request("thread/read", Map.of("threadId", "00000000-0000-7000-8000-000000000000")));
                assertEquals(-32600, missing.path("error").path("code").asInt());
            }
        }
    }

    @Test
    void pagesAcrossManyThreadsWithoutDuplicatesOrGapsAndReadsCodexRollouts() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("It was PINEAPPLE.", 2).completed();
            Path root = Files.createTempDirectory("jcodex-paging-");
            Path home = Files.createDirectories(root.resolve("home"));
            Path work = Files.createDirectories(root.resolve("work"));
            Files.writeString(home.resolve("config.toml"), mock.configToml(""));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 57; i++) {
                String id = String.format("01900000-0000-7000-8000-%012d", i);
                ids.add(id);
                // Some share a creation second so the id must break ties.
                long createdMs = 1_700_000_000_000L + (i / 3) * 1000L;
                writeRollout(home, id, createdMs, i % 2 == 0 ? "alpha" : "beta", work.toString(), "prompt number " + i);
            }
            String codexId = "01a20326-6364-7ef0-9b3d-bf14b51d0b71";
            String fixture = new String(getClass().getResourceAsStream("/rollouts/codex-0.169-one-turn.jsonl").readAllBytes())
                    .replace("THREAD_ID", codexId).replace("CWD", work.toString());
            Path codexFile = home.resolve("sessions/2026/11/22/rollout-2026-11-22T12-06-17-" + codexId + ".jsonl");
            Files.createDirectories(codexFile.getParent());
            Files.writeString(codexFile, fixture);

            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                for (String sortKey : List.of("created_at", "updated_at")) {
                    List<String> seen = new ArrayList<>();
                    String cursor = null;
                    int pages = 0;
                    do {
                        Map<String, Object> params = new java.util.HashMap<>(Map.of("limit", 10, "sortKey", sortKey,
                                "modelProviders", List.of("alpha", "beta")));
                        if (cursor != null) params.put("cursor", cursor);
                        JsonNode page = d.result(d.request("thread/list", params));
                        for (JsonNode t : page.path("data")) seen.add(t.path("id").asText());
                        cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
                        pages++;
                    } while (cursor != null && pages < 20);
                    assertEquals(6, pages, sortKey);
                    assertEquals(57, new HashSet<>(seen).size(), "no duplicates: " + seen);
                    assertEquals(ids.reversed(), seen, "newest first, every thread once (" + sortKey + ")");
                }
                JsonNode alpha = d.result(d.request("thread/list", Map.of("limit", 100, "modelProviders", List.of("alpha"))));
                assertEquals(29, alpha.path("data").size());
                JsonNode search = d.result(d.request("thread/list", Map.of("searchTerm", "number 42")));
                assertEquals(ids.get(42), search.path("data").get(0).path("id").asText());
                JsonNode bad = d.awaitResponse(d.request("thread/list", Map.of("sortKey", "size")));
                assertEquals(-32602, bad.path("error").path("code").asInt());

                // The Codex 0.169 rollout: listed, read and resumed with its history.
                JsonNode codex = d.result(d.request("thread/list", Map.of("modelProviders", List.of("mock"))));
                assertEquals(codexId, codex.path("data").get(0).path("id").asText());
                assertEquals("Remember the secret word PINEAPPLE.", codex.path("data").get(0).path("preview").asText());
                JsonNode turns = d.result(d.request("thread/read", Map.of("threadId", codexId, "includeTurns", true)))
                        .path("thread").path("turns");
                assertEquals(List.of("userMessage", "agentMessage"), types(turns.get(0).path("items")));
                assertEquals("completed", turns.get(0).path("status").asText());
                d.result(d.request("thread/resume", Map.of("threadId", codexId)));
                d.startTurn(codexId, "What was the secret word?");
                d.awaitNotification("turn/completed");
                JsonNode request = mock.requests().getLast();
                String input = request.path("input").toString();
                assertTrue(input.contains("Noted: the secret word is PINEAPPLE."), input);
                assertFalse(input.contains("internal_chat_message_metadata_passthrough"), "Codex-only keys are not sent");
            }
        }
    }

    /** A minimal rollout in the Codex line format, as another jcodex or Codex would have left it. */
    static void writeRollout(Path home, String id, long createdMs, String provider, String cwd, String prompt) throws Exception {
        java.time.Instant t = java.time.Instant.ofEpochMilli(createdMs);
        String day = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(java.time.ZoneOffset.UTC).format(t);
        Path f = home.resolve("sessions").resolve(day).resolve("rollout-" + createdMs + "-" + id + ".jsonl");
        Files.createDirectories(f.getParent());
        String ts = t.toString();
        String end = java.time.Instant.ofEpochMilli(createdMs + 500).toString();
        Files.writeString(f, String.join("\n",
                "{\"timestamp\":\"" + ts + "\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + id + "\",\"timestamp\":\"" + ts
                        + "\",\"cwd\":\"" + cwd + "\",\"originator\":\"test\",\"cli_version\":\"0.169.0\",\"source\":\"vscode\",\"model_provider\":\"" + provider + "\"}}",
                "{\"timestamp\":\"" + ts + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"task_started\",\"turn_id\":\"t-" + id + "\"}}",
                "{\"timestamp\":\"" + ts + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"" + prompt + "\"}}",
                "{\"timestamp\":\"" + end + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"task_complete\",\"turn_id\":\"t-" + id + "\"}}",
                ""));
    }

    static Path onlyRollout(Path dir) throws Exception {
        List<Path> all = rollouts(dir);
        assertEquals(1, all.size(), all.toString());
        return all.getFirst();
    }

    static List<Path> rollouts(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("rollout-")).toList();
        }
    }

    static List<String> types(JsonNode items) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : items) out.add(i.path("type").asText());
        return out;
    }

    static int count(String hay, String needle) {
        int n = 0;
        for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
        return n;
    }
}
