package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** model/list, account/read, the chat wire, AGENTS.md in the model request, and the notify hook, over stdio. */
class ProvidersAndContextTest {
    @Test
    void modelListUsesTheProvidersModelsEndpointOrTheCatalog() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        s.createContext("/v1/models", ex -> {
            byte[] b = "{\"object\":\"list\",\"data\":[{\"id\":\"qwen3-coder:30b\"},{\"id\":\"llama3.3\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        String cfg = """
                model = "qwen3-coder:30b"
                model_provider = "local"
                [model_providers.local]
                base_url = "http://127.0.0.1:%d/v1"
                wire_api = "chat"
                """.formatted(s.getAddress().getPort());
        try (Daemon d = Daemon.start(cfg)) {
            d.initialize();
            JsonNode r = d.result(d.request("model/list", Map.of()));
            assertEquals(List.of("qwen3-coder:30b", "llama3.3"),
                    r.path("data").findValuesAsText("id"));
            assertTrue(r.path("data").get(0).path("isDefault").asBoolean());
            JsonNode page = d.result(d.request("model/list", Map.of("limit", 1)));
            assertEquals(1, page.path("data").size());
            assertEquals("1", page.path("nextCursor").asText());
            JsonNode rest = d.result(d.request("model/list", Map.of("limit", 1, "cursor", "1")));
            assertEquals("llama3.3", rest.path("data").get(0).path("id").asText());
            assertTrue(rest.path("nextCursor").isNull());

            // a provider without /models: the bundled catalog, hidden entries only on request
            JsonNode cat = d.result(d.request("model/list", Map.of("modelProvider", "openai")));
            assertTrue(cat.path("data").size() >= 4);
            assertTrue(cat.path("data").get(0).path("supportedReasoningEfforts").get(0).has("reasoningEffort"));
            JsonNode all = d.result(d.request("model/list", Map.of("modelProvider", "openai", "includeHidden", true)));
            assertTrue(all.path("data").size() > cat.path("data").size());

            // no OpenAI login for a local provider
            JsonNode acct = d.result(d.request("account/read", Map.of()));
            assertTrue(acct.path("account").isNull());
            assertFalse(acct.path("requiresOpenaiAuth").asBoolean());
            JsonNode auth = d.result(d.request("getAuthStatus", Map.of()));
            assertFalse(auth.path("requiresOpenaiAuth").asBoolean());
        } finally {
            s.stop(0);
        }
    }

    @Test
    void apiKeyLoginIsStoredOwnerOnlyAndShowsAsAnAccount() throws Exception {
        try (Daemon d = Daemon.start("model_provider = \"openai\"\n", Map.of("OPENAI_API_KEY", ""), List.of())) {
            d.initialize();
            JsonNode before = d.result(d.request("account/read", Map.of()));
            assertTrue(before.path("requiresOpenaiAuth").asBoolean());
            assertTrue(before.path("account").isNull());
            d.result(d.request("account/login/start", Map.of("type", "apiKey", "apiKey", "sk-test-123")));
            Path auth = d.home().resolve("auth.json");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth)));
            assertTrue(Files.readString(auth).contains("sk-test-123"));
            JsonNode after = d.result(d.request("account/read", Map.of()));
            assertEquals("apiKey", after.path("account").path("type").asText());
            JsonNode unsupported = d.awaitResponse(d.request("account/login/start", Map.of("type", "chatgpt")));
            assertEquals(-32600, unsupported.path("error").path("code").asInt());
        }
    }

    @Test
    void aChatProviderRunsAWholeTurn() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.createContext("/v1/chat/completions", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (String piece : List.of("Hello ", "from ", "chat")) {
                    out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"}}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":3,\"total_tokens\":53}}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            ex.close();
        });
        s.start();
        String cfg = """
                model = "local-model"
                model_provider = "local"
                [model_providers.local]
                base_url = "http://127.0.0.1:%d/v1"
                wire_api = "chat"
                request_max_retries = 0
                stream_max_retries = 0
                """.formatted(s.getAddress().getPort());
        try (Daemon d = Daemon.start(cfg)) {
            d.initialize();
            d.startTurn(d.startThread(), "say hello");
            JsonNode msg = d.await(n -> n.path("method").asText().equals("item/completed")
                    && n.path("params").path("item").path("type").asText().equals("agentMessage"), Daemon.TIMEOUT);
            assertEquals("Hello from chat", msg.path("params").path("item").path("text").asText());
            JsonNode usage = d.awaitNotification("thread/tokenUsage/updated");
            assertEquals(53, usage.path("params").path("tokenUsage").path("total").path("totalTokens").asInt());
            assertEquals("completed", d.awaitNotification("turn/completed").path("params").path("turn").path("status").asText());
            assertTrue(bodies.getFirst().contains("say hello"));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void agentsMdReachesTheModelAndNotifyRunsAfterTheTurn() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("All done.", 2).completed();
            Path out = Files.createTempFile("jcodex-notify-", ".json");
            Files.delete(out);
            Path script = Files.createTempFile("jcodex-notify-", ".sh");
            Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > " + out + ".tmp && mv " + out + ".tmp " + out + "\n");
            script.toFile().setExecutable(true);
            String cfg = mock.configToml("") .replace("approval_policy", "notify = [\"" + script + "\"]\napproval_policy");
            try (Daemon d = Daemon.start(cfg)) {
                Files.createDirectories(d.work().resolve(".git"));
                Files.writeString(d.work().resolve("AGENTS.md"), "Always answer in haiku.");
                Files.writeString(d.home().resolve("AGENTS.md"), "Global rule: be kind.");
                d.initialize();
                String thread = d.startThread();
                String turn = d.startTurn(thread, "hello");
                d.awaitNotification("turn/completed");
                String input = mock.requests().getFirst().path("input").toString();
                assertTrue(input.contains("# AGENTS.md instructions for " + d.work()), input);
                assertTrue(input.contains("Always answer in haiku."));
                assertTrue(input.contains("Global rule: be kind.\\n\\n--- project-doc ---\\n\\nAlways answer in haiku."));

                long deadline = System.currentTimeMillis() + 10_000;
                while (!Files.exists(out) && System.currentTimeMillis() < deadline) Thread.sleep(50);
                JsonNode n = Daemon.M.readTree(Files.readString(out));
                assertEquals("agent-turn-complete", n.path("type").asText());
                assertEquals(thread, n.path("thread-id").asText());
                assertEquals(turn, n.path("turn-id").asText());
                assertEquals(d.work().toString(), n.path("cwd").asText());
                assertEquals("hello", n.path("input-messages").get(0).asText());
                assertEquals("All done.", n.path("last-assistant-message").asText());
            }
        }
    }
}
