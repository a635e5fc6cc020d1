package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcodex.appserver.testing.MockResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code jcodex exec} run as a real process, the way @openai/codex-sdk spawns it. */
class ExecTest {
    static final ObjectMapper M = new ObjectMapper();

    record Run(int exit, String stdout, String stderr) {
        List<JsonNode> events() throws IOException {
            List<JsonNode> out = new ArrayList<>();
            for (String line : stdout.split("\n")) {
                if (line.isEmpty()) continue;
                out.add(M.readTree(line)); // every stdout line must be JSON
            }
            return out;
        }

        List<String> types() throws IOException {
            return events().stream().map(e -> e.path("type").asText()
                    + (e.has("item") ? ":" + e.path("item").path("type").asText() : "")).toList();
        }
    }

    static Run exec(Path home, Path cwd, String stdin, String... args) throws Exception {
        return exec(java.util.Map.of(), home, cwd, stdin, args);
    }

    static Run exec(java.util.Map<String, String> env, Path home, Path cwd, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:+DisableAttachMechanism", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-cp", System.getProperty("java.class.path"), "dev.jcodex.appserver.cli.Main", "exec"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("CODEX_HOME", home.toString());
        pb.environment().put("MOCK_API_KEY", "test-key");
        pb.environment().remove("OPENAI_API_KEY");
        pb.environment().remove("CODEX_API_KEY");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exec did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Path[] dirs(MockResponses mock) throws IOException {
        Path root = Files.createTempDirectory("jcodex-exec-");
        Path home = Files.createDirectories(root.resolve("home"));
        Path work = Files.createDirectories(root.resolve("work"));
        Files.writeString(home.resolve("config.toml"), mock.configToml(""));
        return new Path[] {home, work};
    }

    @Test
    void jsonStreamThenResumeCarriesTheHistory() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().reasoning("Thinking it over.").message("First answer.", 4).completed(100, 7);
            mock.next().message("Second answer.", 2).completed(150, 3);
            Path[] d = dirs(mock);
            Run r1 = exec(d[0], d[1], "What is first?", "--experimental-json", "--skip-git-repo-check",
                    "--config", "show_raw_agent_reasoning=false", "--sandbox", "read-only", "--cd", d[1].toString());
            assertEquals(0, r1.exit(), r1.stderr());
            assertEquals(List.of("thread.started", "turn.started", "item.completed:reasoning",
                    "item.completed:agent_message", "turn.completed"), r1.types());
            List<JsonNode> ev = r1.events();
            String threadId = ev.get(0).path("thread_id").asText();
            assertFalse(threadId.isEmpty());
            assertEquals("item_0", ev.get(2).path("item").path("id").asText());
            assertEquals("Thinking it over.", ev.get(2).path("item").path("text").asText());
            assertEquals("item_1", ev.get(3).path("item").path("id").asText());
            assertEquals("First answer.", ev.get(3).path("item").path("text").asText());
            JsonNode usage = ev.get(4).path("usage");
            assertEquals(100, usage.path("input_tokens").asLong());
            assertEquals(7, usage.path("output_tokens").asLong());
            assertTrue(usage.has("cached_input_tokens") && usage.has("reasoning_output_tokens"));
            assertTrue(mock.requests().get(0).toString().contains("What is first?"), "prompt read from stdin");
            try (var files = Files.walk(d[0].resolve("sessions"))) {
                Path rollout = files.filter(p -> p.toString().endsWith(threadId + ".jsonl")).findFirst().orElseThrow();
                JsonNode meta = M.readTree(Files.readAllLines(rollout).getFirst());
                assertEquals("exec", meta.path("payload").path("source").asText(), "exec threads are recorded as such");
            }

            Run r2 = exec(d[0], d[1], "And second?", "--experimental-json", "--skip-git-repo-check", "resume", threadId);
            assertEquals(0, r2.exit(), r2.stderr());
            List<JsonNode> ev2 = r2.events();
            assertEquals(threadId, ev2.get(0).path("thread_id").asText(), "resume continues the same thread");
            assertEquals("Second answer.", ev2.get(2).path("item").path("text").asText());
            String second = mock.requests().get(1).toString();
            assertTrue(second.contains("What is first?") && second.contains("First answer.") && second.contains("And second?"),
                    "the resumed turn sends the first turn's history: " + second);
        }
    }

    /** What @openai/codex-sdk passes for its apiKey and baseUrl options reaches the built-in OpenAI provider. */
    @Test
    void codexApiKeyAndOpenaiBaseUrlDriveTheOpenaiProvider() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("Answered through the openai provider.", 2).completed();
            Path root = Files.createTempDirectory("jcodex-exec-");
            Path home = Files.createDirectories(root.resolve("home"));
            Path work = Files.createDirectories(root.resolve("work"));
            Run r = exec(java.util.Map.of("CODEX_API_KEY", "sk-from-codex-api-key"), home, work, "hello",
                    "--experimental-json", "--skip-git-repo-check", "--model", "gpt-test",
                    "--config", "openai_base_url=\"" + mock.baseUrl() + "\"");
            assertEquals(0, r.exit(), r.stderr());
            assertEquals("Answered through the openai provider.", r.events().get(2).path("item").path("text").asText(),
                    r.stdout());
            assertEquals("Bearer sk-from-codex-api-key", mock.requestHeaders().get(0).getFirst("Authorization"));
            assertEquals("gpt-test", mock.requests().get(0).path("model").asText());
        }
    }

    @Test
    void failedTurnPrintsErrorAndTurnFailedAndExitsOne() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.httpError(400, "{\"error\":{\"message\":\"bad request from mock\"}}");
            Path[] d = dirs(mock);
            Run r = exec(d[0], d[1], "", "--json", "--skip-git-repo-check", "fail now");
            assertEquals(1, r.exit());
            assertEquals(List.of("thread.started", "turn.started", "error", "turn.failed"), r.types());
            String msg = r.events().get(3).path("error").path("message").asText();
            assertTrue(msg.contains("bad request from mock"), msg);
        }
    }

    @Test
    void outputSchemaImagesAndAddDirReachTheModelRequest() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("{\"answer\":42}", 1).completed();
            Path[] d = dirs(mock);
            Path schema = d[0].resolve("schema.json");
            Files.writeString(schema, "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"number\"}},"
                    + "\"required\":[\"answer\"],\"additionalProperties\":false}");
            Path img = d[1].resolve("dot.png");
            Files.write(img, java.util.Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
            Run r = exec(d[0], d[1], "", "--experimental-json", "--skip-git-repo-check", "--output-schema", schema.toString(),
                    "--model", "mock-model", "--add-dir", d[0].toString(), "--image", img.toString(), "answer");
            assertEquals(0, r.exit(), r.stderr());
            JsonNode req = mock.requests().get(0);
            assertEquals("number", req.path("text").path("format").path("schema").path("properties").path("answer")
                    .path("type").asText(), req.path("text").toString());
            assertTrue(req.toString().contains("data:image/png;base64,"), "the image is attached");
        }
    }

    @Test
    void humanModePrintsOnlyTheFinalMessageOnStdout() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().reasoning("Considering.").message("The final word.", 3).completed();
            Path[] d = dirs(mock);
            Files.createDirectories(d[1].resolve(".git"));
            Run r = exec(d[0], d[1], "", "hello there");
            assertEquals(0, r.exit(), r.stderr());
            assertEquals("The final word.\n", r.stdout());
            assertTrue(r.stderr().contains("hello there") && r.stderr().contains("Considering."), r.stderr());
        }
    }

    @Test
    void refusesOutsideAGitRepoWithoutTheFlag() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            Path[] d = dirs(mock);
            Run r = exec(d[0], d[1], "", "hi");
            assertEquals(1, r.exit());
            assertEquals("", r.stdout());
            assertTrue(r.stderr().contains("--skip-git-repo-check"), r.stderr());
            assertTrue(mock.requests().isEmpty());
        }
    }
}
