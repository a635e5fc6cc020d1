package dev.jcodex.appserver.it;

import static dev.jcodex.appserver.it.ToolTurns.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** turn/interrupt while a command runs or an approval waits; turn/steer into a running turn. */
class CommandInterruptTest {

    static List<ProcessHandle> sleeps(Daemon d, String cmdline) {
        return d.process().toHandle().descendants().filter(h -> h.info().commandLine().map(c -> c.endsWith(cmdline))
                .orElse(false)).filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void interruptKillsTheWholeCommandTreeAndClosesTheItem() throws Exception {
        for (String sandbox : List.of("workspace-write", "danger-full-access")) {
            try (MockResponses mock = new MockResponses()) {
                String a = Daemon.M.createObjectNode().put("cmd", "sleep 30 & sleep 31; echo never").put("login", false)
                        .put("yield_time_ms", 30_000).toString();
                mock.next().functionCall("call_sleep", "exec_command", a).completed();
                mock.next().message("should not be reached", 1).completed();
                try (Daemon d = Daemon.start(mock.configToml(""))) {
                    d.initialize();
                    String threadId = thread(d, "never", sandbox);
                    String turnId = d.startTurn(threadId, "sleep");
                    d.await(n -> "item/started".equals(n.path("method").asText())
                            && "commandExecution".equals(n.path("params").path("item").path("type").asText()), Daemon.TIMEOUT);
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while ((sleeps(d, "sleep 30").isEmpty() || sleeps(d, "sleep 31").isEmpty()) && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    List<ProcessHandle> before = List.of(sleeps(d, "sleep 30").getFirst(), sleeps(d, "sleep 31").getFirst());
                    long t0 = System.nanoTime();
                    d.result(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId)));
                    JsonNode done = d.awaitNotification("turn/completed");
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    System.out.println("interrupt -> turn/completed (" + sandbox + "): " + ms + " ms");
                    assertEquals("interrupted", done.path("params").path("turn").path("status").asText());
                    JsonNode item = completed(d, "commandExecution").getFirst();
                    assertEquals("failed", item.path("status").asText());
                    for (ProcessHandle h : before) {
                        h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                        assertFalse(h.isAlive(), "pid " + h.pid() + " survived the interrupt");
                    }
                    assertTrue(ms < 2000, "interrupt took " + ms + " ms");
                    ModelFailureTest.assertStartedItemsCompleted(d.received());
                    assertEquals(1, mock.requests().size());
                }
            }
        }
    }

    @Test
    void interruptWhileAnApprovalWaitsResolvesIt() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_1", "exec_command", args("touch x")).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "untrusted", "workspace-write");
                String turnId = d.startTurn(threadId, "touch");
                JsonNode req = d.awaitServerRequest("item/commandExecution/requestApproval");
                d.result(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId)));
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("interrupted", done.path("params").path("turn").path("status").asText());
                List<JsonNode> resolved = notes(d, "serverRequest/resolved");
                assertEquals(1, resolved.size());
                assertEquals(req.get("id").asLong(), resolved.getFirst().path("params").path("requestId").asLong());
                ModelFailureTest.assertStartedItemsCompleted(d.received());
                // a late answer is ignored, the daemon stays healthy
                d.respond(req.get("id"), Map.of("decision", "accept"));
                mock.next().message("ok", 1).completed();
                d.startTurn(threadId, "again");
                d.awaitNotification("turn/completed");
                assertFalse(java.nio.file.Files.exists(d.work().resolve("x")));
            }
        }
    }

    @Test
    void steerAppendsInputToTheRunningTurn() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            String a = Daemon.M.createObjectNode().put("cmd", "sleep 2").put("login", false).put("yield_time_ms", 10_000).toString();
            mock.next().functionCall("call_1", "exec_command", a).completed();
            mock.next().message("Noted the extra request.", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "never", "workspace-write");
                String turnId = d.startTurn(threadId, "first");
                d.await(n -> "item/started".equals(n.path("method").asText())
                        && "commandExecution".equals(n.path("params").path("item").path("type").asText()), Daemon.TIMEOUT);
                JsonNode wrong = d.awaitResponse(d.request("turn/steer", Map.of("threadId", threadId,
                        "expectedTurnId", "not-the-turn", "input", List.of(Map.of("type", "text", "text", "x")))));
                assertEquals(-32600, wrong.path("error").path("code").asInt());
                JsonNode ok = d.result(d.request("turn/steer", Map.of("threadId", threadId, "expectedTurnId", turnId,
                        "input", List.of(Map.of("type", "text", "text", "also say banana")))));
                assertEquals(turnId, ok.path("turnId").asText());
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertEquals(1, notes(d, "turn/started").size(), "no new turn");
                assertEquals(2, completed(d, "userMessage").size());
                assertEquals(2, mock.requests().size());
                assertTrue(mock.requests().get(1).toString().contains("also say banana"));
                JsonNode idle = d.awaitResponse(d.request("turn/steer", Map.of("threadId", threadId, "expectedTurnId", turnId,
                        "input", List.of(Map.of("type", "text", "text", "late")))));
                assertEquals(-32600, idle.path("error").path("code").asInt());
            }
        }
    }
}
