package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.sandbox.Mechanism;
import dev.jcodex.sandbox.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sandboxed commands end with what started them: nothing they spawned (in the background, double-forked, in a
 * session of its own) outlives command/exec/terminate or the daemon's death; and the sandbox's fallback is said.
 */
class SandboxLifetimeTest {
    static final Map<String, Object> WORKSPACE = Map.of("type", "workspaceWrite");

    private static String marker() {
        return "4" + ThreadLocalRandom.current().nextInt(100, 999) + "." + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments()
                .map(a -> String.join(" ", a).contains(marker)).orElse(false));
    }

    private static void await(boolean wanted, String marker) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running(marker) != wanted && System.nanoTime() < end) Thread.sleep(25);
        assertEquals(wanted, running(marker), (wanted ? "never started: " : "outlived its command: ") + marker);
    }

    private static String script(String m1, String m2) {
        // m1 double-forked into a session of its own (no longer a descendant, nor in the command's group)
        return "(setsid sleep " + m1 + " > /dev/null 2>&1 &); setsid sleep " + m2 + " > /dev/null 2>&1 & exec sleep 60";
    }

    @Test
    void terminateKillsEveryProcessTheCommandStarted() throws Exception {
        assumeTrue(Sandbox.system().mechanism() == Mechanism.NAMESPACES, Sandbox.system().describe());
        String m1 = marker(), m2 = marker();
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            long exec = d.request("command/exec", Map.of("command", List.of("bash", "-c", script(m1, m2)),
                    "processId", "t", "cwd", d.work().toString(), "sandboxPolicy", WORKSPACE));
            await(true, m1);
            await(true, m2);
            long term = d.request("command/exec/terminate", Map.of("processId", "t"));
            // the two replies may come in either order
            assertTrue(UtilityMethodsTest.anyOrder(d, term).has("result"));
            assertEquals(137, UtilityMethodsTest.anyOrder(d, exec).path("result").path("exitCode").asInt());
            await(false, m1);
            await(false, m2);
        }
    }

    @Test
    void theDaemonsDeathKillsEveryProcessOfItsCommands() throws Exception {
        assumeTrue(Sandbox.system().mechanism() == Mechanism.NAMESPACES, Sandbox.system().describe());
        String m1 = marker(), m2 = marker();
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            d.request("command/exec", Map.of("command", List.of("bash", "-c", script(m1, m2)),
                    "cwd", d.work().toString(), "sandboxPolicy", WORKSPACE));
            await(true, m1);
            await(true, m2);
            d.kill(); // SIGKILL: no shutdown hook runs; the helpers' parent-death signal does the work
            await(false, m1);
            await(false, m2);
        }
    }

    @Test
    void theDaemonsNormalExitKillsEveryProcessOfItsCommands() throws Exception {
        assumeTrue(Sandbox.system().mechanism() == Mechanism.NAMESPACES, Sandbox.system().describe());
        String m1 = marker(), m2 = marker();
        Daemon d = Daemon.start(null);
        d.initialize();
        d.request("command/exec", Map.of("command", List.of("bash", "-c", script(m1, m2)),
                "cwd", d.work().toString(), "sandboxPolicy", WORKSPACE));
        await(true, m1);
        await(true, m2);
        d.process().getOutputStream().close(); // stdin closed: the daemon exits on its own
        // after EOF the daemon first drains (up to 10 s) the replies it owes, and the command/exec reply is one
        boolean exited = d.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        d.close();
        assertTrue(exited, "the daemon did not exit");
        await(false, m1);
        await(false, m2);
    }

    @Test
    void turnInterruptKillsProcessesTheCommandDetached() throws Exception {
        assumeTrue(Sandbox.system().mechanism() == Mechanism.NAMESPACES, Sandbox.system().describe());
        String m1 = marker(), m2 = marker();
        try (MockResponses mock = new MockResponses()) {
            String a = Daemon.M.createObjectNode().put("cmd", script(m1, m2)).put("login", false)
                    .put("yield_time_ms", 30_000).toString();
            mock.next().functionCall("call_bg", "exec_command", a).completed();
            mock.next().message("should not be reached", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = ToolTurns.thread(d, "never", "workspace-write");
                String turnId = d.startTurn(threadId, "start a server");
                await(true, m1);
                await(true, m2);
                d.result(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId)));
                d.awaitNotification("turn/completed");
                await(false, m1);
                await(false, m2);
            }
        }
    }

    @Test
    void aBackgroundProcessEndsWithItsCommandsTurn() throws Exception {
        assumeTrue(Sandbox.system().mechanism() == Mechanism.NAMESPACES, Sandbox.system().describe());
        String m1 = marker();
        try (MockResponses mock = new MockResponses()) {
            String a = Daemon.M.createObjectNode().put("cmd", "(setsid sleep " + m1 + " > /dev/null 2>&1 &); echo started")
                    .put("login", false).toString();
            mock.next().functionCall("call_bg", "exec_command", a).completed();
            mock.next().message("done", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = ToolTurns.thread(d, "never", "workspace-write");
                d.startTurn(threadId, "start it");
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText(), done.toString());
                await(false, m1);
            }
        }
    }

    @Test
    void aSandboxFallbackIsSaidOnceAfterInitialize() throws Exception {
        try (Daemon d = Daemon.start(null, Map.of("JCODEX_SANDBOX_NAMESPACES", "off"), List.of())) {
            d.initialize();
            JsonNode w = d.awaitNotification("configWarning").path("params");
            assertTrue(w.path("summary").asText().startsWith("Sandbox fallback"), w.toString());
            assertTrue(w.path("details").asText().contains("Falling back to Landlock + seccomp"), w.toString());
            d.result(d.request("config/read", Map.of()));
            long warnings = d.received().stream().filter(n -> "configWarning".equals(n.path("method").asText())).count();
            assertEquals(1, warnings, d.received().toString());
        }
    }
}
