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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A full disk under the rollouts: the daemon runs in a private mount namespace where CODEX_HOME/sessions is a
 * 64 KiB tmpfs (needs root, as in CI). The client must hear of the failed write and the rollout must stay
 * parseable, with the next turn's records on lines of their own, across a restart.
 */
class DiskFullTest {
    static final List<String> TINY_SESSIONS = List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
            "mkdir -p \"$CODEX_HOME/sessions\" && mount -t tmpfs -o size=64k tmpfs \"$CODEX_HOME/sessions\" && exec \"$@\"",
            "sh");

    static boolean canMountTmpfs() {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c",
                    "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\"").redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aFailedRolloutWriteReachesTheClientAndTheRolloutStaysParseableAcrossARestart() throws Exception {
        Assumptions.assumeTrue(canMountTmpfs(), "needs root (unshare -m and mount -t tmpfs), as in CI");
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("x".repeat(20_000), 4).completed(); // more than the room the filler leaves
            mock.next().message("small answer", 1).completed();
            Path home, work, saved = Files.createTempDirectory("jcodex-diskfull-");
            String threadId;
            try (Daemon d = Daemon.startWrapped(mock.configToml(""), TINY_SESSIONS, Map.of())) {
                d.initialize();
                // the tmpfs lives only in the daemon's mount namespace: the test reaches it through /proc
                Path inside = Path.of("/proc/" + d.process().pid() + "/root" + d.home().resolve("sessions"));
                Path filler = inside.resolve("filler");
                Files.write(filler, new byte[52 * 1024]); // leaves 12 KiB of the 64
                threadId = d.startThread();
                d.startTurn(threadId, "write a lot");
                JsonNode error = d.awaitNotification("error");
                String message = error.path("params").path("error").path("message").asText();
                assertTrue(message.contains("No space left on device"), error.toString());
                assertTrue(message.contains("Failed to save this conversation"), error.toString());
                assertFalse(error.path("params").path("willRetry").asBoolean(true), error.toString());
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("failed", done.path("params").path("turn").path("status").asText(), done.toString());
                assertEquals(message, done.path("params").path("turn").path("error").path("message").asText());
                // space comes back: the history that could not be written is, in order, and the next turn whole
                Files.delete(filler);
                d.startTurn(threadId, "now a little");
                JsonNode second = d.awaitNotification("turn/completed");
                assertEquals("completed", second.path("params").path("turn").path("status").asText(), second.toString());
                home = d.home();
                work = d.work();
                try (Stream<Path> files = Files.walk(inside)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Path to = saved.resolve(inside.relativize(f).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
            Path rollout;
            try (Stream<Path> files = Files.walk(saved)) {
                rollout = files.filter(f -> f.toString().endsWith(threadId + ".jsonl")).findFirst().orElseThrow();
            }
            String text = Files.readString(rollout);
            assertTrue(text.endsWith("\n"), "torn last line");
            for (String line : text.split("\n")) {
                assertTrue(Daemon.M.readTree(line).isObject(), "unparsable line: " + line.substring(0, Math.min(200, line.length())));
            }
            // restart on the same CODEX_HOME with the rollouts as the full disk left them
            try (Stream<Path> files = Files.walk(saved)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = home.resolve("sessions").resolve(saved.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                JsonNode turns = d.result(d.request("thread/read", Map.of("threadId", threadId, "includeTurns", true)))
                        .path("thread").path("turns");
                assertEquals(2, turns.size(), turns.toString());
                assertEquals("failed", turns.get(0).path("status").asText(), turns.toString());
                assertTrue(turns.get(0).path("error").path("message").asText().contains("No space left on device"), turns.toString());
                assertEquals("completed", turns.get(1).path("status").asText(), turns.toString());
                // resumed, the model history holds both answers (the first one written late, once space returned)
                d.result(d.request("thread/resume", Map.of("threadId", threadId)));
                mock.next().message("ok", 1).completed();
                d.startTurn(threadId, "go on");
                d.awaitNotification("turn/completed");
                String input = mock.requests().getLast().path("input").toString();
                assertTrue(input.contains("x".repeat(20_000)) && input.contains("small answer"), "history lost");
            }
        }
    }
}
