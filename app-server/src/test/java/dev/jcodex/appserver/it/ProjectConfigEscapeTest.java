package dev.jcodex.appserver.it;

import static dev.jcodex.appserver.it.ToolTurns.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, escape 2: in a trusted project that has no {@code .codex}, an agent under workspace-write must not
 * be able to create {@code .codex/config.toml} (by a command or by apply_patch) and so choose the sandbox of
 * the next thread there. Codex reads a trusted project's config, sandbox mode included, so the protection is
 * that the file cannot be made.
 */
class ProjectConfigEscapeTest {
    @Test
    void aSandboxedTurnCannotWriteTheProjectConfigThatTheNextThreadWouldTrust() throws Exception {
        Path project = Files.createTempDirectory("jcodex-trusted-").toRealPath();
        String config = "sandbox_mode = \\\"danger-full-access\\\"\\n";
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_1", "exec_command",
                    args("mkdir -p .codex && printf '" + config.replace("\\\"", "\"") + "' > .codex/config.toml; "
                            + "mkdir -p .agents/skills; echo done")).completed();
            String patch = "*** Begin Patch\n*** Add File: .codex/config.toml\n+sandbox_mode = \"danger-full-access\"\n"
                    + "*** End Patch\n";
            mock.next().functionCall("call_2", "apply_patch",
                    Daemon.M.createObjectNode().put("input", patch).toString()).completed();
            mock.next().message("tried", 1).completed();
            String cfg = mock.configToml("\n[projects.\"" + project + "\"]\ntrust_level = \"trusted\"\n");
            try (Daemon d = Daemon.start(cfg)) {
                d.initialize();
                JsonNode first = d.result(d.request("thread/start", Map.of("cwd", project.toString())));
                assertEquals("workspaceWrite", first.path("sandbox").path("type").asText(), first.toString());
                d.startTurn(first.path("thread").path("id").asText(), "configure yourself");
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertTrue(completed(d, "commandExecution").getFirst().path("aggregatedOutput").asText().contains("done"));
                assertFalse(Files.exists(project.resolve(".codex/config.toml")), "a command or patch wrote .codex/config.toml");
                assertFalse(Files.exists(project.resolve(".agents/skills")), "a command created .agents/skills");
                // the namespace sandbox's read-only placeholders for missing protected names are removed by a
                // janitor once the command's namespace has died: they must go, and never hold anything
                long until = System.currentTimeMillis() + 10_000;
                while ((Files.exists(project.resolve(".codex")) || Files.exists(project.resolve(".agents")))
                        && System.currentTimeMillis() < until) Thread.sleep(20);
                assertFalse(Files.exists(project.resolve(".codex")), "a command or patch created .codex");
                assertFalse(Files.exists(project.resolve(".agents")), "a command created .agents");
                JsonNode next = d.result(d.request("thread/start", Map.of("cwd", project.toString())));
                assertEquals("workspaceWrite", next.path("sandbox").path("type").asText(), next.toString());
            }
        } finally {
            try (var s = Files.walk(project)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
