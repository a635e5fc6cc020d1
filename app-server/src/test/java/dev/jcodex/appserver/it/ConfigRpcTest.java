package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** config/read, config/value/write, config/batchWrite and configWarning over stdio against the real daemon. */
class ConfigRpcTest {
    static final String USER_CONFIG = """
            # my Codex config
            model = "gpt-5.5"   # default model
            model_provider = "ollama"
            approval_policy = "on-request"
            sandbox_mode = "read-only"
            profile = "work"

            [profiles.work]
            model = "qwen3-coder"  # local

            [model_providers.ollama]
            base_url = "http://127.0.0.1:9/v1"  # nothing listens here

            [some_future_section]
            keep = "me"
            """;

    @Test
    void readShowsEffectiveValuesOriginsLayersAndWarnsAboutUnknownKeys() throws Exception {
        try (Daemon d = Daemon.start(USER_CONFIG, Map.of(), List.of("-c", "approval_policy=\"never\""))) {
            d.initialize();
            JsonNode warn = d.awaitNotification("configWarning").path("params");
            assertTrue(warn.path("details").asText().equals(d.home().resolve("config.toml")
                    + ":14:1: `some_future_section` is ignored"), warn.toString());
            assertEquals(d.home().resolve("config.toml").toString(), warn.path("path").asText());
            assertEquals(14, warn.path("range").path("start").path("line").asInt(), warn.toString());

            JsonNode r = d.result(d.request("config/read", Map.of("includeLayers", true, "cwd", d.work().toString())));
            JsonNode cfg = r.path("config");
            assertEquals("qwen3-coder", cfg.path("model").asText());
            assertEquals("never", cfg.path("approval_policy").asText());
            assertEquals("read-only", cfg.path("sandbox_mode").asText());
            assertEquals("me", cfg.path("some_future_section").path("keep").asText());
            assertEquals(32768, cfg.path("project_doc_max_bytes").asInt());

            JsonNode model = r.path("origins").path("model").path("name");
            assertEquals("user", model.path("type").asText());
            assertEquals("work", model.path("profile").asText());
            assertEquals("sessionFlags", r.path("origins").path("approval_policy").path("name").path("type").asText());
            String version = r.path("origins").path("model").path("version").asText();
            assertEquals(sha256(d.home().resolve("config.toml")), version);

            JsonNode layers = r.path("layers");
            assertEquals("sessionFlags", layers.get(0).path("name").path("type").asText());
            assertEquals("user", layers.get(1).path("name").path("type").asText());
            assertEquals("system", layers.get(layers.size() - 1).path("name").path("type").asText());
            assertEquals("never", layers.get(0).path("config").path("approval_policy").asText());

            JsonNode noLayers = d.result(d.request("config/read", Map.of()));
            assertTrue(noLayers.path("layers").isNull());
            assertEquals(List.of(), d.badLines());
        }
    }

    @Test
    void writesKeepTheFileAndConflictOnAStaleVersion() throws Exception {
        try (Daemon d = Daemon.start(USER_CONFIG)) {
            d.initialize();
            Path file = d.home().resolve("config.toml");
            String v0 = d.result(d.request("config/read", Map.of())).path("origins").path("model").path("version").asText();

            JsonNode w = d.result(d.request("config/value/write", Map.of("keyPath", "profiles.work.model",
                    "value", "llama3.3", "mergeStrategy", "replace", "expectedVersion", v0)));
            assertEquals("ok", w.path("status").asText());
            assertEquals(file.toString(), w.path("filePath").asText());
            String after = Files.readString(file);
            assertEquals(sha256(file), w.path("version").asText());
            assertEquals(USER_CONFIG.replace("model = \"qwen3-coder\"  # local", "model = \"llama3.3\"  # local"), after);

            // the old version is stale now: nothing is written, and the error says why
            JsonNode err = d.awaitResponse(d.request("config/value/write", Map.of("keyPath", "model", "value", "x",
                    "mergeStrategy", "replace", "expectedVersion", v0)));
            assertEquals(-32600, err.path("error").path("code").asInt());
            assertEquals("configVersionConflict", err.path("error").path("data").path("config_write_error_code").asText());
            assertEquals(after, Files.readString(file));

            Map<String, Object> provider = new LinkedHashMap<>();
            provider.put("base_url", "http://127.0.0.1:1234/v1");
            provider.put("wire_api", "chat");
            Map<String, Object> nullValue = new HashMap<>();
            nullValue.put("keyPath", "profile");
            nullValue.put("value", null);
            nullValue.put("mergeStrategy", "replace");
            List<Object> edits = new ArrayList<>();
            edits.add(Map.of("keyPath", "model_providers.lm", "value", provider, "mergeStrategy", "upsert"));
            edits.add(Map.of("keyPath", "features.web_search", "value", true, "mergeStrategy", "upsert"));
            edits.add(nullValue);
            JsonNode b = d.result(d.request("config/batchWrite", Map.of("edits", edits, "expectedVersion",
                    w.path("version").asText())));
            assertEquals("ok", b.path("status").asText());
            String text = Files.readString(file);
            assertTrue(text.startsWith("# my Codex config\nmodel = \"gpt-5.5\"   # default model\n"), text);
            assertFalse(text.contains("profile = \"work\""));
            assertTrue(text.contains("[model_providers.lm]\nbase_url = \"http://127.0.0.1:1234/v1\"\nwire_api = \"chat\"\n"), text);
            assertTrue(text.contains("[some_future_section]\nkeep = \"me\"\n"), text);

            JsonNode cfg = d.result(d.request("config/read", Map.of())).path("config");
            assertEquals("gpt-5.5", cfg.path("model").asText());
            assertTrue(cfg.path("features").path("web_search").asBoolean());
            assertEquals("chat", cfg.path("model_providers").path("lm").path("wire_api").asText());

            JsonNode bad = d.awaitResponse(d.request("config/value/write", Map.of("keyPath", "model",
                    "value", "x", "mergeStrategy", "replace", "filePath", "/etc/passwd")));
            assertEquals("configLayerReadonly", bad.path("error").path("data").path("config_write_error_code").asText());
        }
    }

    @Test
    void aWriteShadowedByAFlagSaysOkOverridden() throws Exception {
        try (Daemon d = Daemon.start("model = \"a\"\n", Map.of(), List.of("-c", "model=\"from-flag\""))) {
            d.initialize();
            JsonNode w = d.result(d.request("config/value/write", Map.of("keyPath", "model", "value", "b",
                    "mergeStrategy", "replace")));
            assertEquals("okOverridden", w.path("status").asText());
            assertEquals("from-flag", w.path("overriddenMetadata").path("effectiveValue").asText());
            assertEquals("sessionFlags", w.path("overriddenMetadata").path("overridingLayer").path("name").path("type").asText());
            assertEquals("model = \"b\"\n", Files.readString(d.home().resolve("config.toml")));
        }
    }

    @Test
    void trustedProjectConfigAppliesToThreadsStartedThere() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("hi", 1).completed();
            Path root = Files.createTempDirectory("jcodex-proj-");
            Files.createDirectories(root.resolve(".git"));
            Files.createDirectories(root.resolve(".codex"));
            Files.writeString(root.resolve(".codex/config.toml"), "model = \"project-model\"\n");
            String cfg = mock.configToml("\n[projects.\"" + root + "\"]\ntrust_level = \"trusted\"\n");
            try (Daemon d = Daemon.start(cfg)) {
                d.initialize();
                JsonNode t = d.result(d.request("thread/start", Map.of("cwd", root.toString())));
                assertEquals("project-model", t.path("model").asText());
                JsonNode r = d.result(d.request("config/read", Map.of("cwd", root.toString())));
                assertEquals("project", r.path("origins").path("model").path("name").path("type").asText());
                assertEquals(root.resolve(".codex").toString(),
                        r.path("origins").path("model").path("name").path("dotCodexFolder").asText());
            }
            Files.writeString(root.resolve(".codex/config.toml"), "model = \"project-model\"\n");
            try (Daemon d = Daemon.start(mock.configToml(""))) { // not trusted: ignored
                d.initialize();
                JsonNode t = d.result(d.request("thread/start", Map.of("cwd", root.toString())));
                assertEquals("mock-model", t.path("model").asText());
                JsonNode layers = d.result(d.request("config/read", Map.of("cwd", root.toString(), "includeLayers", true)))
                        .path("layers");
                JsonNode project = null;
                for (JsonNode l : layers) if (l.path("name").path("type").asText().equals("project")) project = l;
                assertNotNull(project);
                assertTrue(project.path("disabledReason").asText().contains("trusted"));
            }
        }
    }

    static String sha256(Path f) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        return "sha256:" + java.util.HexFormat.of().formatHex(d);
    }
}
