package dev.jcodex.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config that was not understood never runs on defaults; ignored keys are named with file:line. */
class ConfigTrustTest {
    @TempDir Path tmp;

    private ConfigLoader loader(String userToml, String... flags) throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.toml"), userToml);
        return new ConfigLoader(home, List.of(flags), null, tmp.resolve("no-system.toml"));
    }

    private Path userFile() { return tmp.resolve("home").resolve("config.toml"); }

    @Test
    void aSyntaxErrorRefusesTheConfigWithFileLineAndColumn() throws Exception {
        ConfigLoader l = loader("""
                model = "gpt-5"
                model_provider = "gateway"
                [model_providers.gateway]
                base_url = "http://127.0.0.1:9/v1
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> l.load(Map.of()));
        String msg = e.getMessage();
        assertTrue(msg.startsWith("failed to load configuration: " + userFile() + ":4:"), msg);
        ConfigError err = e.errors().getFirst();
        assertEquals(4, err.where().line());
        assertTrue(e.render().contains("4 | base_url = \"http://127.0.0.1:9/v1"), e.render());
        assertTrue(e.render().contains("^"), e.render());
        // inspect() reports it without throwing, and never offers the default provider as if it were chosen
        Config c = l.inspect(Map.of());
        assertEquals(1, c.errors().size());
        assertThrows(ConfigException.class, () -> l.load(tmp, Map.of()));
    }

    @Test
    void aBrokenOverrideOrProjectFileIsAnErrorToo() throws Exception {
        assertThrows(ConfigException.class, () -> loader("", "approval_policy").load(Map.of()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader("", "sandbox_mode=\"workspace_write\"").load(Map.of()));
        assertTrue(e.getMessage().contains("-c sandbox_mode"), e.getMessage());
        assertTrue(e.getMessage().contains("found \"workspace_write\""), e.getMessage());

        Path proj = tmp.resolve("proj");
        Files.createDirectories(proj.resolve(".git"));
        Files.createDirectories(proj.resolve(".codex"));
        Files.writeString(proj.resolve(".codex/config.toml"), "model = [\n");
        ConfigLoader trusted = loader("[projects.\"" + proj + "\"]\ntrust_level = \"trusted\"\n");
        ConfigException pe = assertThrows(ConfigException.class, () -> trusted.load(proj, Map.of()));
        assertTrue(pe.getMessage().contains(proj.resolve(".codex/config.toml") + ":"), pe.getMessage());
    }

    @Test
    void aBadValueInTheThreadsOwnOverridesIsBadParamsNotABrokenConfig() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loader("model = \"gpt-5\"\n").load(tmp, Map.of("approval_policy", "full-auto")));
        assertTrue(e.getMessage().startsWith("config: invalid value for `approval_policy`: expected one of"), e.getMessage());
    }

    @Test
    void invalidValuesAreErrorsNamingFileLineAndAcceptedValues() throws Exception {
        ConfigLoader l = loader("""
                model = "gpt-5"
                sandbox_mode = "sandboxed-please"
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> l.load(Map.of()));
        assertEquals(userFile() + ":2:1: invalid value for `sandbox_mode`: expected one of danger-full-access, "
                + "read-only, workspace-write; found \"sandboxed-please\"", e.errors().getFirst().toString());
    }

    @Test
    void otherEnumKeysWhoseDefaultIsLooserAreRefusedToo() throws Exception {
        ConfigException h = assertThrows(ConfigException.class,
                () -> loader("[history]\npersistence = \"nothing\"\n").load(Map.of()));
        assertTrue(h.getMessage().contains(userFile() + ":2:1: invalid value for `history.persistence`: expected one of none, "
                + "save-all; found \"nothing\""), h.getMessage());
        ConfigException t = assertThrows(ConfigException.class,
                () -> loader("[projects.\"/src/x\"]\ntrust_level = \"trustd\"\n").load(Map.of()));
        assertTrue(t.getMessage().contains("`projects.\"/src/x\".trust_level`: expected one of trusted, untrusted"), t.getMessage());
        assertThrows(ConfigException.class, () -> loader("model_verbosity = \"loud\"\n").load(Map.of()));
        assertThrows(ConfigException.class, () -> loader("model_reasoning_summary = \"loud\"\n").load(Map.of()));
        assertThrows(ConfigException.class, () -> loader("[model_providers.x]\nwire_api = \"grpc\"\n").load(Map.of()));
    }

    @Test
    void legacyApprovalNamesMapToUntrustedNeverToALooserPolicy() throws Exception {
        for (String legacy : List.of("unless-allow-listed", "suggest", "auto-edit")) {
            Config c = loader("approval_policy = \"" + legacy + "\"\n").load(Map.of());
            assertEquals("untrusted", c.approvalPolicy(), legacy);
            ConfigWarning w = c.configWarnings().getFirst();
            assertTrue(w.summary().contains("legacy name") && w.summary().contains("approval_policy = \"untrusted\""), w.summary());
            assertEquals(1, w.line());
        }
        // the same in a profile, and through -c
        Config p = loader("profile = \"p\"\n[profiles.p]\napproval_policy = \"unless-allow-listed\"\n").load(Map.of());
        assertEquals("untrusted", p.approvalPolicy());
        assertEquals("untrusted", loader("", "approval_policy=suggest").load(Map.of()).approvalPolicy());
        // names that meant "run without asking", and typos, are refused with the valid values
        for (String bad : List.of("full-auto", "permissive", "untrustd", "on_request")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> loader("approval_policy = \"" + bad + "\"\n").load(Map.of()), bad);
            assertTrue(e.getMessage().contains("expected one of never, on-failure, on-request, untrusted"), e.getMessage());
        }
        // a profile that is not selected is checked as well
        assertThrows(ConfigException.class,
                () -> loader("[profiles.other]\napproval_policy = \"full-auto\"\n").load(Map.of()));
    }

    @Test
    void unknownKeysAreListedWithFileLineAndSuggestions() throws Exception {
        ConfigLoader l = loader("""
                modle = "gpt-5"
                model_provider = "mock"
                sandbox_permissions = ["disk-full-read-access"]
                disable_response_storage = true

                [mcpServers.foo]
                command = "x"

                [model_providers.mock]
                base_url = "http://127.0.0.1:9/v1"
                approval_policy = "never"

                [mcp_servers.bar]
                command = "y"
                tranport = "stdio"
                """);
        Config c = l.load(Map.of());
        List<ConfigWarning> unknown = c.configWarnings().stream().filter(w -> w.summary().contains("unrecognized")).toList();
        assertEquals(1, unknown.size(), c.configWarnings().toString());
        String s = unknown.getFirst().summary();
        assertTrue(s.startsWith("jcodex is ignoring 6 unrecognized configuration settings."), s);
        assertTrue(s.contains(userFile() + ":1:1: `modle` is ignored; did you mean `model`?"), s);
        assertTrue(s.contains(":3:1: `sandbox_permissions` is ignored; it was removed from Codex"), s);
        assertTrue(s.contains(":4:1: `disable_response_storage` is ignored; it was removed from Codex"), s);
        assertTrue(s.contains("`mcpServers` is ignored; did you mean `mcp_servers`?"), s);
        assertTrue(s.contains(":11:1: `model_providers.mock.approval_policy` is ignored; `approval_policy` is a top-level "
                + "setting, not part of [model_providers.mock]"), s);
        assertTrue(s.contains(":15:1: `mcp_servers.bar.tranport` is ignored"), s);
        assertEquals(userFile(), unknown.getFirst().file());
        // the values that are known still apply
        assertEquals("mock", c.modelProviderId());

        ConfigException strict = assertThrows(ConfigException.class, () -> l.strict(true).load(Map.of()));
        assertEquals(6, strict.errors().size());
        assertEquals(userFile() + ":1:1: unknown configuration field `modle`; did you mean `model`?",
                strict.errors().getFirst().toString());
    }

    @Test
    void aCodexConfigWithKnownKeysLoadsWithoutWarnings() throws Exception {
        Config c = loader("""
                model = "gpt-5"
                model_provider = "mock"
                approval_policy = "on-request"
                sandbox_mode = "workspace-write"
                check_for_update_on_startup = false
                model_reasoning_effort = "high"
                [model_providers.mock]
                name = "mock"
                base_url = "http://127.0.0.1:9/v1"
                wire_api = "responses"
                env_key = "MOCK_API_KEY"
                request_max_retries = 0
                stream_max_retries = 0
                stream_idle_timeout_ms = 300000
                supports_websockets = false
                [mcp_servers.docs]
                command = "npx"
                args = ["-y", "docs"]
                env = { A = "1" }
                env_vars = ["B"]
                startup_timeout_sec = 20
                [sandbox_workspace_write]
                network_access = true
                [features]
                anything_here = true
                [tui]
                theme = "x"
                """, "model_reasoning_effort=\"low\"").strict(true).load(Map.of());
        assertEquals(List.of(), c.configWarnings());
    }

    @Test
    void nearMissSuggestions() {
        assertEquals("model", KnownKeys.nearest("modle", KnownKeys.TOP));
        assertEquals("approval_policy", KnownKeys.nearest("aproval_policy", KnownKeys.TOP));
        assertNull(KnownKeys.nearest("totally_unrelated_key", KnownKeys.TOP));
        assertEquals("mcp_servers", KnownKeys.normalize("mcpServers"));
        assertEquals("`base_url` belongs in a [model_providers.NAME] table",
                KnownKeys.hint("base_url", KnownKeys.TOP, List.of(), "the top level"));
    }
}
