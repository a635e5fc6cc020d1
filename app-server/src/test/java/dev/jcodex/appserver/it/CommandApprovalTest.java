package dev.jcodex.appserver.it;

import static dev.jcodex.appserver.it.ToolTurns.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** exec_command under approval policies, over stdio: accept, decline, cancel, acceptForSession, escalation. */
class CommandApprovalTest {
    static final String CMD = "echo hi > out.txt && cat out.txt";

    @Test
    void acceptRunsTheCommandAndResolvesTheRequestFirst() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_1", "exec_command", args(CMD)).completed();
            mock.next().message("I wrote out.txt.", 3).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "untrusted", "workspace-write");
                String turnId = d.startTurn(threadId, "write hi");
                JsonNode req = d.awaitServerRequest("item/commandExecution/requestApproval");
                JsonNode p = req.path("params");
                assertEquals(threadId, p.path("threadId").asText());
                assertEquals(turnId, p.path("turnId").asText());
                assertEquals("call_1", p.path("itemId").asText());
                assertEquals("/bin/bash -c 'echo hi > out.txt && cat out.txt'", p.path("command").asText());
                assertEquals(d.work().toString(), p.path("cwd").asText());
                assertEquals("unknown", p.path("commandActions").path(0).path("type").asText());
                assertTrue(notes(d, "thread/status/changed").stream().anyMatch(n ->
                        n.path("params").path("status").path("activeFlags").toString().contains("waitingOnApproval")));
                assertFalse(Files.exists(d.work().resolve("out.txt")), "nothing runs before the answer");
                d.respond(req.get("id"), Map.of("decision", "accept"));
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());

                assertEquals("hi\n", Files.readString(d.work().resolve("out.txt")));
                JsonNode item = completed(d, "commandExecution").getFirst();
                assertEquals("completed", item.path("status").asText());
                assertEquals(0, item.path("exitCode").asInt());
                assertEquals("hi\n", item.path("aggregatedOutput").asText());
                int resolved = indexOf(d, n -> "serverRequest/resolved".equals(n.path("method").asText())
                        && n.path("params").path("requestId").asLong() == req.get("id").asLong());
                int itemDone = indexOf(d, n -> "item/completed".equals(n.path("method").asText())
                        && "commandExecution".equals(n.path("params").path("item").path("type").asText()));
                assertTrue(resolved >= 0 && resolved < itemDone, "serverRequest/resolved precedes the item's completion");
                String second = mock.requests().get(1).toString();
                assertTrue(second.contains("call_1") && second.contains("Process exited with code 0"), second);
                ModelFailureTest.assertStartedItemsCompleted(d.received());
            }
        }
    }

    @Test
    void declineSkipsTheCommandTellsTheModelAndTheTurnGoesOn() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_1", "exec_command", args(CMD)).completed();
            mock.next().message("Understood.", 2).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                // the policy comes per turn here
                d.result(d.request("turn/start", Map.of("threadId", threadId, "approvalPolicy", "untrusted",
                        "input", List.of(Map.of("type", "text", "text", "write hi")))));
                JsonNode req = d.awaitServerRequest("item/commandExecution/requestApproval");
                d.respond(req.get("id"), Map.of("decision", "decline"));
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertFalse(Files.exists(d.work().resolve("out.txt")));
                assertEquals("declined", completed(d, "commandExecution").getFirst().path("status").asText());
                assertEquals(1, notes(d, "serverRequest/resolved").size());
                assertEquals(2, mock.requests().size());
                assertTrue(mock.requests().get(1).toString().contains("rejected by user"));
                assertEquals("Understood.", completed(d, "agentMessage").getFirst().path("text").asText());
            }
        }
    }

    @Test
    void cancelEndsTheTurnInterrupted() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_1", "exec_command", args(CMD)).completed();
            mock.next().message("never asked for", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "untrusted", "workspace-write");
                d.startTurn(threadId, "write hi");
                JsonNode req = d.awaitServerRequest("item/commandExecution/requestApproval");
                d.respond(req.get("id"), Map.of("decision", "cancel"));
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("interrupted", done.path("params").path("turn").path("status").asText());
                assertEquals("declined", completed(d, "commandExecution").getFirst().path("status").asText());
                assertEquals(1, notes(d, "serverRequest/resolved").size());
                assertEquals(1, mock.requests().size(), "the model is not asked again");
                assertFalse(Files.exists(d.work().resolve("out.txt")));
                ModelFailureTest.assertStartedItemsCompleted(d.received());
                // the thread is usable afterwards
                mock.next().message("back", 1).completed();
                d.startTurn(threadId, "again");
                JsonNode next = d.awaitNotification("turn/completed");
                assertEquals("completed", next.path("params").path("turn").path("status").asText());
                assertTrue(mock.requests().get(1).toString().contains("aborted"), "the cancelled call has an output");
            }
        }
    }

    @Test
    void acceptForSessionIsRememberedForTheSameCommand() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_1", "exec_command", args("echo one >> log.txt")).completed();
            mock.next().functionCall("call_2", "exec_command", args("echo one >> log.txt")).completed();
            mock.next().functionCall("call_3", "exec_command", args("echo two >> log.txt")).completed();
            mock.next().message("done", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "untrusted", "workspace-write");
                d.startTurn(threadId, "log");
                JsonNode first = d.awaitServerRequest("item/commandExecution/requestApproval");
                assertEquals("call_1", first.path("params").path("itemId").asText());
                d.respond(first.get("id"), Map.of("decision", "acceptForSession"));
                JsonNode third = d.awaitServerRequest("item/commandExecution/requestApproval");
                assertEquals("call_3", third.path("params").path("itemId").asText(), "call_2 was not asked about");
                d.respond(third.get("id"), Map.of("decision", "accept"));
                d.awaitNotification("turn/completed");
                assertEquals(2, serverRequests(d).size());
                assertEquals("one\none\ntwo\n", Files.readString(d.work().resolve("log.txt")));
            }
        }
    }

    @Test
    void onRequestRunsPlainCommandsAndAsksForEscalationWithTheJustification() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_plain", "exec_command", args("ls")).completed();
            String esc = Daemon.M.createObjectNode().put("cmd", "echo hi > out.txt").put("login", false)
                    .put("sandbox_permissions", "require_escalated").put("justification", "Need to write out.txt").toString();
            mock.next().functionCall("call_esc", "exec_command", esc).completed();
            mock.next().message("Done.", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                Files.writeString(d.work().resolve("a.txt"), "a\n");
                String threadId = thread(d, "on-request", "workspace-write");
                d.startTurn(threadId, "go");
                JsonNode req = d.awaitServerRequest("item/commandExecution/requestApproval");
                assertEquals("call_esc", req.path("params").path("itemId").asText());
                assertEquals("Need to write out.txt", req.path("params").path("reason").asText());
                d.respond(req.get("id"), Map.of("decision", "acceptForSession"));
                d.awaitNotification("turn/completed");
                assertEquals("hi\n", Files.readString(d.work().resolve("out.txt")));
                assertEquals("a.txt\n", completed(d, "commandExecution").getFirst().path("aggregatedOutput").asText());
                assertEquals("listFiles", completed(d, "commandExecution").getFirst().path("commandActions").path(0)
                        .path("type").asText());
            }
        }
    }

    @Test
    void readOnlySandboxBlocksWritesWithoutAskingUnderNever() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            Path outside = Files.createTempDirectory("jcodex-outside-");
            Path target = outside.resolve("x.txt");
            mock.next().functionCall("call_1", "exec_command", args("echo no > " + target)).completed();
            mock.next().message("ok", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();

                String threadId = thread(d, "never", "read-only");
                d.startTurn(threadId, "try");
                d.awaitNotification("turn/completed");
                assertTrue(serverRequests(d).isEmpty());
                assertFalse(Files.exists(target), "the sandbox stopped the write");
                JsonNode item = completed(d, "commandExecution").getFirst();
                assertEquals("failed", item.path("status").asText());
                assertNotEquals(0, item.path("exitCode").asInt());
            }
        }
    }

}
