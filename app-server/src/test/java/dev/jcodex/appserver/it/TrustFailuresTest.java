package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Failures a new user meets (issue 22), through the real processes: a broken config never reaches a provider
 * it did not name, an unset env_key stops the request, retries are announced and an interrupt cuts the wait.
 */
class TrustFailuresTest {
    /** A private gateway, with one unclosed string: line 6 */
    private static String brokenGatewayConfig(MockResponses gateway) {
        return """
                model = "private-model"
                model_provider = "gateway"

                [model_providers.gateway]
                base_url = "%s"
                env_key = "MOCK_API_KEY
                """.formatted(gateway.baseUrl());
    }

    @Test
    void execWithAConfigThatDoesNotParseExitsOneAndSendsNothingToTheDefaultProvider() throws Exception {
        try (MockResponses gateway = new MockResponses(); MockResponses openai = new MockResponses()) {
            openai.next().message("the default provider answered", 1).completed();
            Path root = Files.createTempDirectory("jcodex-trust-");
            Path home = Files.createDirectories(root.resolve("home"));
            Path work = Files.createDirectories(root.resolve("work"));
            Files.writeString(home.resolve("config.toml"), brokenGatewayConfig(gateway));
            ExecTest.Run r = ExecTest.exec(Map.of("OPENAI_BASE_URL", openai.baseUrl(), "OPENAI_API_KEY", "sk-x"), home, work,
                    "", "--json", "--skip-git-repo-check", "my private source code");
            assertEquals(1, r.exit(), r.stderr());
            assertTrue(r.stderr().contains("Error loading config.toml:\n" + home.resolve("config.toml") + ":6:"), r.stderr());
            assertTrue(r.stderr().contains("6 | env_key = \"MOCK_API_KEY"), r.stderr());
            assertEquals(List.of(), openai.requests(), "the prompt went to the default provider");
            assertEquals(List.of(), gateway.requests());
            r.events(); // stdout holds JSON only
        }
    }

    @Test
    void mcpServerWithAConfigThatDoesNotParseExitsOne() throws Exception {
        try (MockResponses gateway = new MockResponses()) {
            Path root = Files.createTempDirectory("jcodex-trust-");
            Path home = Files.createDirectories(root.resolve("home"));
            Files.writeString(home.resolve("config.toml"), brokenGatewayConfig(gateway));
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-XX:+UseSerialGC", "-Xlog:disable", "-cp", System.getProperty("java.class.path"),
                    "dev.jcodex.appserver.cli.Main", "mcp-server");
            pb.environment().put("CODEX_HOME", home.toString());
            Path err = root.resolve("stderr.txt");
            Path out = root.resolve("stdout.txt");
            pb.redirectError(err.toFile()).redirectOutput(out.toFile());
            Process p = pb.start();
            p.getOutputStream().write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n").getBytes());
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertTrue(Files.readString(err).contains(home.resolve("config.toml") + ":6:"), Files.readString(err));
            assertEquals("", Files.readString(out));
        }
    }

    @Test
    void theDaemonWarnsWithARangeAndRefusesThreadsUntilTheConfigIsFixed() throws Exception {
        try (MockResponses gateway = new MockResponses();
             Daemon d = Daemon.start(brokenGatewayConfig(gateway) + "\nmodle = \"x\"\n")) {
            d.initialize();
            JsonNode warn = d.awaitNotification("configWarning").path("params");
            assertEquals(d.home().resolve("config.toml").toString(), warn.path("path").asText());
            assertEquals(6, warn.path("range").path("start").path("line").asInt(), warn.toString());
            assertTrue(warn.path("details").asText().startsWith(d.home().resolve("config.toml") + ":6:"), warn.toString());
            JsonNode err = d.awaitResponse(d.request("thread/start", Map.of("cwd", d.work().toString())));
            assertEquals(-32600, err.path("error").path("code").asInt(), err.toString());
            assertTrue(err.path("error").path("message").asText().startsWith("failed to load configuration: "
                    + d.home().resolve("config.toml") + ":6:"), err.toString());
            // what only reports still answers, without contacting any provider; what reads the config refuses
            JsonNode models = d.result(d.request("model/list", Map.of()));
            assertTrue(models.path("data").size() > 0, models.toString());
            assertEquals(-32600, d.awaitResponse(d.request("config/read", Map.of())).path("error").path("code").asInt());
            // fixed on disk: the next thread/start works, without restarting the daemon
            Files.writeString(d.home().resolve("config.toml"), gateway.configToml("modle = \"x\"\n"));
            d.startThread();
            assertTrue(d.isAlive());
            assertEquals(List.of(), gateway.requests());
        }
    }

    @Test
    void unknownKeysAreWarnedAndStrictConfigRefusesToStart() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            String cfg = "modle = \"gpt-5\"\n" + mock.configToml("");
            try (Daemon d = Daemon.start(cfg)) {
                d.initialize();
                JsonNode warn = d.awaitNotification("configWarning").path("params");
                assertTrue(warn.path("summary").asText().contains(d.home().resolve("config.toml")
                        + ":1:1: `modle` is ignored; did you mean `model`?"), warn.toString());
                String threadId = d.startThread();
                JsonNode threadWarn = d.awaitNotification("warning").path("params");
                assertEquals(threadId, threadWarn.path("threadId").asText());
                assertTrue(threadWarn.path("message").asText().contains("`modle` is ignored"), threadWarn.toString());
            }
            try (Daemon d = Daemon.start(cfg, Map.of(), List.of("--strict-config"))) {
                assertTrue(d.process().waitFor(20, TimeUnit.SECONDS), "the daemon started on a config it does not understand");
                assertEquals(1, d.process().exitValue());
                assertTrue(d.stderr().contains(":1:1: unknown configuration field `modle`"), d.stderr());
            }
        }
    }

    @Test
    void anUnsetEnvKeyFailsTheTurnNamingTheVariableAndSendsNothing() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("should not be asked", 1).completed();
            String cfg = mock.configToml("").replace("env_key = \"MOCK_API_KEY\"", "env_key = \"JCODEX_TRUST_UNSET_KEY\"");
            try (Daemon d = Daemon.start(cfg)) {
                d.initialize();
                d.startTurn(d.startThread(), "hi");
                JsonNode done = d.awaitNotification("turn/completed").path("params").path("turn");
                assertEquals("failed", done.path("status").asText());
                assertTrue(done.path("error").path("message").asText().startsWith(
                        "Missing environment variable: `JCODEX_TRUST_UNSET_KEY`."), done.toString());
                assertEquals(List.of(), mock.requests());
            }
        }
    }

    @Test
    void retriesAreAnnouncedAndAnInterruptCutsA20SecondBackoff() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.httpError(429, "{\"error\":{\"message\":\"Rate limit reached. Please try again in 20s.\"}}");
            try (Daemon d = Daemon.start(mock.configToml(""), Map.of(),
                    List.of("-c", "model_providers.mock.request_max_retries=3"))) {
                d.initialize();
                String threadId = d.startThread();
                String turnId = d.startTurn(threadId, "hi");
                JsonNode err = d.awaitNotification("error").path("params");
                assertTrue(err.path("willRetry").asBoolean(), err.toString());
                assertEquals("Reconnecting... 1/3 (retrying in 20.0 s)", err.path("error").path("message").asText());
                assertTrue(err.path("error").path("additionalDetails").asText().contains(mock.baseUrl() + "/responses"),
                        err.toString());
                long t0 = System.nanoTime();
                d.result(d.request("turn/interrupt", Map.of("threadId", threadId, "turnId", turnId)));
                JsonNode done = d.await(m -> "turn/completed".equals(m.path("method").asText()), Duration.ofSeconds(5));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertNotNull(done, "the turn did not end within 5 s of the interrupt");
                assertEquals("interrupted", done.path("params").path("turn").path("status").asText());
                assertTrue(ms < 1_500, "turn/completed came " + ms + " ms after the interrupt");
                assertEquals(1, mock.requests().size());
            }
        }
    }
}
