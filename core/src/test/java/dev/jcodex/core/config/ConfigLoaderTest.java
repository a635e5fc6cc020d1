package dev.jcodex.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path tmp;

    private Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** Each layer sets `k_<layer>` and overrides `shared`: the highest layer that sets a key wins. */
    @Test
    void everyLayerOverridesTheOneBelow() throws Exception {
        Path home = tmp.resolve("home");
        Path repo = tmp.resolve("repo");
        Path sub = repo.resolve("pkg");
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(sub);
        Path system = write(tmp.resolve("etc/config.toml"), "shared = \"system\"\nk_system = 1\nmodel = \"sys-model\"\n");
        write(home.resolve("config.toml"), """
                shared = "user"
                k_user = 1
                profile = "p"
                [profiles.p]
                shared = "profile"
                k_profile = 1
                [projects."%s"]
                trust_level = "trusted"
                """.formatted(repo));
        write(repo.resolve(".codex/config.toml"), "shared = \"project-root\"\nk_root = 1\n");
        write(sub.resolve(".codex/config.toml"), "shared = \"project-sub\"\nk_sub = 1\n");

        ConfigLoader l = new ConfigLoader(home, List.of("k_flag=1", "shared=\"flag\""), null, system);
        Config c = l.load(sub, Map.of("k_thread", 1L));
        assertEquals("flag", c.string("shared", null));
        for (String k : List.of("k_system", "k_user", "k_profile", "k_root", "k_sub", "k_flag", "k_thread")) {
            assertEquals(1L, c.get(k), k);
        }
        assertEquals("sys-model", c.model());
        assertEquals(List.of("system", "user", "project", "project", "sessionFlags"),
                c.layers().stream().map(ConfigLayer::type).toList());
        assertEquals("sessionFlags", c.origins().get("shared").type());
        assertEquals("user", c.origins().get("k_profile").type());
        assertEquals("p", c.origins().get("k_profile").profile());
        assertEquals(sub.resolve(".codex"), c.origins().get("k_sub").dotCodexFolder());
        assertEquals("system", c.origins().get("model").type());

        // without flags the deepest project layer wins
        Config noFlags = new ConfigLoader(home, List.of(), null, system).load(sub, null);
        assertEquals("project-sub", noFlags.string("shared", null));
        // without cwd there is no project layer: the profile wins
        assertEquals("profile", new ConfigLoader(home, List.of(), null, system).load(null).string("shared", null));
        // --profile that does not exist: a warning, the user value stays
        Config missing = new ConfigLoader(home, List.of(), "nope", system).load(null);
        assertEquals("user", missing.string("shared", null));
        assertTrue(missing.warnings().getFirst().contains("nope"));
    }

    @Test
    void untrustedProjectConfigIsListedDisabledAndWarned() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve(".codex/config.toml"), "model = \"evil\"\n");
        Config c = new ConfigLoader(home, List.of(), null, tmp.resolve("none.toml")).load(repo, null);
        assertEquals(Config.DEFAULT_MODEL, c.model());
        ConfigLayer project = c.layers().stream().filter(x -> x.type().equals("project")).findFirst().orElseThrow();
        assertFalse(project.enabled());
        assertEquals("evil", project.tree().get("model"));
        assertTrue(c.configWarnings().stream().anyMatch(w -> w.summary().contains("not trusted")));
    }

    @Test
    void invalidValuesAreErrorsWithKeyAndReasonAndUnknownKeysStay() throws Exception {
        Path home = tmp.resolve("home");
        write(home.resolve("config.toml"), """
                sandbox_mode = "sandboxed-please"
                approval_policy = "never"
                project_doc_max_bytes = -5
                some_future_key = { nested = true }
                notify = "not-an-array"
                [model_providers.local]
                base_url = "http://localhost:8080/v1"
                wire_api = "grpc"
                request_max_retries = "many"
                """);
        ConfigLoader loader = new ConfigLoader(home, List.of(), null, tmp.resolve("none.toml"));
        assertThrows(ConfigException.class, () -> loader.load(null));
        Config c = loader.inspect(null);
        assertEquals("read-only", c.sandboxMode());
        assertEquals("never", c.approvalPolicy());
        assertEquals(true, c.get("some_future_key.nested"));
        List<String> errors = c.errors().stream().map(ConfigError::toString).toList();
        String f = home.resolve("config.toml") + ":";
        assertTrue(errors.contains(f + "1:1: invalid value for `sandbox_mode`: expected one of danger-full-access, "
                + "read-only, workspace-write; found \"sandboxed-please\""), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.startsWith(f + "3:1: invalid value for `project_doc_max_bytes`:")), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.startsWith(f + "5:1: invalid value for `notify`: expected an array")), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.startsWith(f + "8:1: invalid value for `model_providers.local.wire_api`:")), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.startsWith(f + "9:1: invalid value for `model_providers.local.request_max_retries`:")), errors.toString());
        assertEquals(home.resolve("config.toml"), c.errors().getFirst().where().file());
        assertTrue(c.configWarnings().getFirst().summary().contains("`some_future_key` is ignored"));
    }

    @Test
    void brokenTomlIsAnErrorNotACrashAndNotTheDefaults() throws Exception {
        Path home = tmp.resolve("home");
        write(home.resolve("config.toml"), "model = \n[[[\n");
        ConfigLoader loader = new ConfigLoader(home, List.of(), null, tmp.resolve("none.toml"));
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(null));
        assertTrue(e.getMessage().startsWith("failed to load configuration: " + home.resolve("config.toml") + ":1:"), e.getMessage());
    }
}
