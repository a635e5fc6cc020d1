package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** thread/shellCommand over stdio: the item, streamed output, the history the model sees next, interrupts. */
class ShellCommandTest {

    static JsonNode shell(Daemon d, String threadId, String command) throws Exception {
        return d.awaitResponse(d.request("thread/shellCommand", Map.of("threadId", threadId, "command", command)));
    }

    static JsonNode completedTurn(Daemon d, String threadId) throws Exception {
        return d.await(n -> "turn/completed".equals(n.path("method").asText())
                && threadId.equals(n.path("params").path("threadId").asText()), Daemon.TIMEOUT);
    }

    @Test
    void userCommandStreamsIsRecordedAndReachesTheNextModelRequest() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("It printed hello-from-user and exited with 3.", 2).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                Files.writeString(d.work().resolve("marker.txt"), "in the cwd\n");
                String threadId = d.startThread();
                JsonNode resp = shell(d, threadId, "cat marker.txt; echo hello-from-user; sleep 1; echo err-line >&2; exit 3");
                assertTrue(resp.has("result"), resp.toString());
                assertEquals(0, resp.path("result").size());
                JsonNode done = completedTurn(d, threadId);
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                String turnId = done.path("params").path("turn").path("id").asText();

                List<JsonNode> notes = d.received().stream().filter(n -> n.has("method") && !n.has("id")
                        && turnId.equals(n.path("params").path("turnId").asText(n.path("params").path("turn").path("id").asText())))
                        .toList();
                JsonNode started = notes.stream().filter(n -> n.path("method").asText().equals("item/started")).findFirst().orElseThrow();
                JsonNode item = started.path("params").path("item");
                assertEquals("commandExecution", item.path("type").asText());
                assertEquals("userShell", item.path("source").asText());
                assertEquals("inProgress", item.path("status").asText());
                assertEquals(d.work().toString(), item.path("cwd").asText());
                assertTrue(item.path("command").asText().contains("echo hello-from-user"), item.toString());
                JsonNode completed = notes.stream().filter(n -> n.path("method").asText().equals("item/completed")).findFirst().orElseThrow();
                JsonNode fin = completed.path("params").path("item");
                assertEquals(item.path("id").asText(), fin.path("id").asText());
                assertEquals("failed", fin.path("status").asText());
                assertEquals(3, fin.path("exitCode").asInt());
                assertTrue(fin.path("aggregatedOutput").asText().contains("in the cwd"));
                assertTrue(fin.path("aggregatedOutput").asText().contains("hello-from-user"));
                assertTrue(fin.path("aggregatedOutput").asText().contains("err-line"));
                assertTrue(fin.path("durationMs").asLong() >= 900);

                // streamed: the first line arrived while the command still ran (a second before it ended)
                JsonNode firstDelta = notes.stream().filter(n -> n.path("method").asText().equals("item/commandExecution/outputDelta")
                        && n.path("params").path("delta").asText().contains("hello-from-user")).findFirst().orElseThrow();
                assertEquals(item.path("id").asText(), firstDelta.path("params").path("itemId").asText());
                assertTrue(completed.path("emittedAtMs").asLong() - firstDelta.path("emittedAtMs").asLong() >= 700,
                        "delta before the end: " + firstDelta + " / " + completed);
                assertEquals(0, mock.requests().size(), "a shell command does not call the model");

                String next = d.startTurn(threadId, "What did my command print?");
                completedTurn(d, threadId);
                JsonNode body = mock.requests().getFirst();
                String input = body.path("input").toString();
                assertTrue(input.contains("user_shell_command"), input);
                assertTrue(input.contains("hello-from-user") && input.contains("Exit code: 3"), input);
                assertTrue(input.indexOf("hello-from-user") < input.indexOf("What did my command print?"));
                assertNotNull(next);

                // the rollout holds both the item and the history entry
                Path sessions = d.home().resolve("sessions");
                String rollout;
                try (Stream<Path> files = Files.walk(sessions)) {
                    Path f = files.filter(x -> x.toString().endsWith(".jsonl") && x.toString().contains(threadId))
                            .findFirst().orElseThrow();
                    rollout = Files.readString(f);
                }
                assertTrue(rollout.contains("user_shell_command"), "history entry in the rollout");
                assertTrue(rollout.contains("\"userShell\""), "the item in the rollout");
                assertTrue(d.badLines().isEmpty());
            }
        }
    }

    @Test
    void interruptKillsTheCommandAndBusyThreadsRefuse() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                JsonNode blank = shell(d, threadId, "   ");
                assertEquals(-32602, blank.path("error").path("code").asInt(), blank.toString());
                JsonNode unknown = shell(d, "no-such-thread", "ls");
                assertEquals(-32600, unknown.path("error").path("code").asInt(), unknown.toString());

                assertTrue(shell(d, threadId, "echo started; sleep 30").has("result"));
                JsonNode turn = d.awaitNotification("turn/started");
                String turnId = turn.path("params").path("turn").path("id").asText();
                d.await(n -> "item/commandExecution/outputDelta".equals(n.path("method").asText()), Daemon.TIMEOUT);
                JsonNode busy = shell(d, threadId, "echo two");
                assertEquals(-32600, busy.path("error").path("code").asInt(), busy.toString());
                JsonNode steer = d.awaitResponse(d.request("turn/steer", Map.of("threadId", threadId,
                        "expectedTurnId", turnId, "input", List.of(Map.of("type", "text", "text", "more")))));
                assertEquals(-32600, steer.path("error").path("code").asInt(), steer.toString());

                long t0 = System.nanoTime();
                assertTrue(d.result(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId))).isObject());
                JsonNode done = completedTurn(d, threadId);
                assertEquals("interrupted", done.path("params").path("turn").path("status").asText());
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "killed, not waited for");
                JsonNode item = d.received().stream().filter(n -> "item/completed".equals(n.path("method").asText())
                        && "commandExecution".equals(n.path("params").path("item").path("type").asText()))
                        .findFirst().orElseThrow().path("params").path("item");
                assertEquals("failed", item.path("status").asText());
                long pid = item.path("processId").asLong();
                Thread.sleep(200);
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the shell is gone");
            }
        }
    }

    @Test
    void commandDuringATurnJoinsItAndReachesTheModelBeforeTheTurnEnds() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().stall(1500).message("Slow reply.", 2).completed();
            mock.next().message("I saw your command output.", 2).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                String turnId = d.startTurn(threadId, "Take your time.");
                d.await(n -> "item/completed".equals(n.path("method").asText())
                        && "userMessage".equals(n.path("params").path("item").path("type").asText()), Daemon.TIMEOUT);
                JsonNode resp = shell(d, threadId, "sleep 2; echo joined-the-turn");
                assertTrue(resp.has("result"), resp.toString());
                JsonNode done = completedTurn(d, threadId);
                assertEquals(turnId, done.path("params").path("turn").path("id").asText());
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertEquals("I saw your command output.", done.path("params").path("turn").path("items").get(0).path("text").asText());

                JsonNode item = d.received().stream().filter(n -> "item/completed".equals(n.path("method").asText())
                        && "commandExecution".equals(n.path("params").path("item").path("type").asText()))
                        .findFirst().orElseThrow();
                assertEquals(turnId, item.path("params").path("turnId").asText(), "the command is part of the turn");
                assertEquals("userShell", item.path("params").path("item").path("source").asText());
                assertEquals("completed", item.path("params").path("item").path("status").asText());
                assertEquals(1, d.methods().stream().filter("turn/started"::equals).count(), "no second turn");
                // The first response ended before the command did: the turn waited for it, then sampled again.
                assertEquals(2, mock.requests().size());
                String second = mock.requests().get(1).path("input").toString();
                assertTrue(second.contains("joined-the-turn") && second.contains("user_shell_command"), second);
                assertFalse(mock.requests().get(0).path("input").toString().contains("joined-the-turn"));
            }
        }
    }
}
