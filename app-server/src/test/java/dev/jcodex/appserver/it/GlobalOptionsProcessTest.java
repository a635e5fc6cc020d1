package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Smoke test of the real process: global options before {@code exec} reach the turn (model and working root). */
class GlobalOptionsProcessTest {
    @Test
    void modelAndCdBeforeExecReachTheModelRequest() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("done", 1).completed(10, 1);
            Path[] d = ExecTest.dirs(mock);
            Path home = d[0];
            Path work = d[1];
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xlog:disable",
                    "-cp", System.getProperty("java.class.path"), "dev.jcodex.appserver.cli.Main",
                    "-m", "model-from-flag", "-C", work.toString(), "-c", "model=\"model-from-c\"",
                    "exec", "--json", "--skip-git-repo-check", "--ephemeral", "say done"));
            // Started in CODEX_HOME, not in the work directory: only -C can point the thread there.
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
            pb.environment().put("CODEX_HOME", home.toString());
            pb.environment().put("MOCK_API_KEY", "test-key");
            pb.environment().remove("OPENAI_API_KEY");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("turn.completed"), out);
            JsonNode request = mock.requests().getFirst();
            assertEquals("model-from-flag", request.path("model").asText(), "-m wins over -c model=");
            assertTrue(request.toString().contains(work.toString()), "the turn runs in the -C directory: " + request);
            assertFalse(request.toString().contains("<cwd>" + home + "</cwd>"), request.toString());
        }
    }
}
