package dev.jcodex.appserver.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.WorkingDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codex's global options before a subcommand: one set of config overrides for every subcommand. */
class GlobalOptionsTest {
    @TempDir Path home;

    @AfterEach
    void resetCwd() { WorkingDirectory.set(null); }

    private Config load(Main m) {
        return new ConfigLoader(home, m.configOverrides(), m.profile, home.resolve("no-system.toml")).load(Map.of());
    }

    @Test
    void modelSandboxAndApprovalBeforeASubcommandBecomeConfig() {
        for (String sub : List.of("app-server", "mcp-server", "exec")) {
            Main m = Cli.parse("-m", "o3-mini", "-s", "workspace-write", "-a", "never", sub);
            Config c = load(m);
            assertEquals("o3-mini", c.model(), sub);
            assertEquals("workspace-write", c.sandboxMode(), sub);
            assertEquals("never", c.approvalPolicy(), sub);
        }
    }

    @Test
    void aNamedFlagWinsOverDashCOfTheSameKeyWhateverTheOrder() {
        Main m = Cli.parse("-m", "from-flag", "-c", "model=\"from-c\"", "-c", "model_reasoning_effort=\"high\"", "exec");
        Config c = load(m);
        assertEquals("from-flag", c.model());
        assertEquals("high", c.string("model_reasoning_effort", null));
    }

    @Test
    void dashCAfterTheSubcommandStillCounts() {
        Main m = Cli.parse("exec", "-c", "model=\"late\"", "hi");
        assertEquals("late", load(m).model());
    }

    @Test
    void enableAndDisableSetFeatures() {
        Main m = Cli.parse("--enable", "web_search", "--disable", "shell_tool", "app-server");
        assertEquals(List.of("features.web_search=true", "features.shell_tool=false"), m.configOverrides());
    }

    @Test
    void modelNamesAreQuotedAsTomlStrings() {
        assertEquals("\"a\\\"b\\\\c\"", Main.tomlString("a\"b\\c"));
        Main m = Cli.parse("-m", "we\"ird", "exec");
        assertEquals("we\"ird", load(m).model());
    }

    @Test
    void whatSubcommandsReadIsSetBeforeTheyRun() {
        // Subcommands read parent.overrides (as FastLaunch fills it); the command line fills it from every option.
        Cli r = Cli.run("-m", "o3", "-c", "x=1", "--enable", "f", "completion", "bash");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("x=1", "features.f=true", "model=\"o3\""), r.main().overrides);
    }

    @Test
    void aWrongSandboxOrApprovalIsAUsageError() {
        Cli r = Cli.run("-s", "full", "app-server");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("read-only, workspace-write, danger-full-access"), r.err());
        assertEquals(2, Cli.run("-a", "sometimes", "app-server").code());
    }

    @Test
    void cdSetsTheWorkingRootBeforeTheSubcommandRuns(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("-C", dir.toString(), "completion", "bash");
        assertEquals(0, r.code(), r.err());
        assertEquals(dir.toRealPath(), WorkingDirectory.current().toRealPath());
    }

    @Test
    void cdToAMissingDirectoryIsAUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        Cli r = Cli.run("-C", missing.toString(), "completion");
        assertEquals(2, r.code());
        assertFalse(Files.exists(missing));
        assertEquals(Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize(), WorkingDirectory.current());
    }
}
