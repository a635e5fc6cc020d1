package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Daemon hygiene: it never outlives the IDE that spawned it, and SIGTERM leaves nothing half-written. */
class DaemonLifecycleTest {

    /** An IDE killed with SIGKILL closes nothing: the daemon must notice its parent is gone and exit. */
    @Test
    @Timeout(90)
    void exitsWhenItsParentDiesEvenWithStdinStillOpen() throws Exception {
        Path home = Files.createTempDirectory("jcodex-parent-");
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:+DisableAttachMechanism", "-XX:+UseSerialGC", "-Xlog:disable",
                "-cp", System.getProperty("java.class.path"), "dev.jcodex.appserver.cli.Main", "app-server"));
        StringBuilder cmd = new StringBuilder("exec 3<&0; ");
        for (String a : java) cmd.append('\'').append(a.replace("'", "'\\''")).append("' ");
        // the daemon reads the test's pipe (fd 3 → 0) while its parent, this shell, only waits
        cmd.append("<&3 2>/dev/null & echo $!; wait");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd.toString());
        pb.environment().put("CODEX_HOME", home.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process shell = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
        long daemonPid = Long.parseLong(out.readLine().trim());
        // the daemon is serving: it answers initialize over the inherited pipe
        shell.getOutputStream().write("{\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"p\",\"version\":\"1\"}}}\n"
                .getBytes(StandardCharsets.UTF_8));
        shell.getOutputStream().flush();
        JsonNode init = Daemon.M.readTree(out.readLine());
        assertEquals(1, init.path("id").asInt(), init.toString());
        ProcessHandle daemon = ProcessHandle.of(daemonPid).orElseThrow();

        shell.destroyForcibly(); // SIGKILL of the wrapper; our end of the daemon's stdin stays open
        assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
        assertTrue(daemon.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get() != null,
                "the daemon exits within 30 s of its parent's death");
        assertFalse(daemon.isAlive());
        shell.getOutputStream().close();
    }

    /** SIGTERM mid-turn: every line already on stdout and in the rollout is whole, and child processes die. */
    @Test
    @Timeout(120)
    void sigtermMidTurnWritesWholeLinesAndKillsTheClientsProcesses() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("a long answer that is still streaming when the daemon is asked to stop", 400)
                    .delayBetween(20).completed();
            Daemon d = Daemon.start(mock.configToml(""));
            try {
                d.initialize();
                String thread = d.startThread();
                // a client process that the shutdown must not leave behind
                long exec = d.request("command/exec", Map.of("command", List.of("sleep", "287"), "processId", "s1"));
                ProcessHandle sleep = awaitDescendant(d.process().toHandle(), "sleep");
                d.startTurn(thread, "go");
                for (int i = 0; i < 5; i++) d.awaitNotification("item/agentMessage/delta");

                d.process().destroy(); // SIGTERM
                assertTrue(d.process().waitFor(30, TimeUnit.SECONDS), "the daemon stops on SIGTERM");
                assertTrue(sleep.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).get() != null,
                        "command/exec's process dies with the daemon");
                Thread.sleep(200); // let the harness's reader take the last bytes of the closed pipe
                assertEquals(List.of(), d.badLines(), "no truncated or foreign line on stdout");
                assertTrue(d.received().stream().noneMatch(n -> n.path("id").asLong(-1) == exec && n.has("result")
                        && n.path("result").path("exitCode").asInt() == 0), "the sleep did not run to completion");

                try (Stream<Path> files = Files.walk(d.home().resolve("sessions"))) {
                    List<Path> rollouts = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
                    assertEquals(1, rollouts.size(), rollouts.toString());
                    List<String> lines = Files.readAllLines(rollouts.getFirst());
                    assertFalse(lines.isEmpty());
                    for (String line : lines) Daemon.M.readTree(line); // throws on a half-written line
                    assertTrue(Files.readString(rollouts.getFirst()).endsWith("\n"), "the last line is complete");
                }
            } finally {
                d.kill();
            }
        }
    }

    private static ProcessHandle awaitDescendant(ProcessHandle root, String executable) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> p = root.descendants()
                    .filter(h -> h.info().command().map(c -> c.endsWith("/" + executable)).orElse(false)).findFirst();
            if (p.isPresent()) return p.get();
            Thread.sleep(50);
        }
        throw new AssertionError("no " + executable + " process under the daemon");
    }
}
