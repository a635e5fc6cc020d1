package dev.jcodex.appserver.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's --help is complete; typos and bad arguments are usage errors (exit 2) that say what to type. */
class HelpAndUsageTest {
    static void walk(CommandSpec spec, String path, List<String> missing) {
        if (spec.usageMessage().description().length == 0 || spec.usageMessage().description()[0].isBlank()) {
            missing.add(path + ": no description");
        }
        for (ArgSpec a : spec.args()) {
            if (a.hidden()) continue;
            String[] d = a.description();
            String label = a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel();
            if (d.length == 0 || d[0].isBlank()) missing.add(path + " " + label + ": no description");
        }
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (e.getKey().equals(sub.name())) walk(sub, path + " " + sub.name(), missing);
        }
    }

    @Test
    void everyCommandOptionAndArgumentIsDescribed() {
        List<String> missing = new ArrayList<>();
        walk(Main.commandLine(new Main()).getCommandSpec(), "jcodex", missing);
        assertEquals(List.of(), missing);
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"exec", "--help"},
                new String[] {"app-server", "--help"}, new String[] {"app-server", "generate-json-schema", "--help"},
                new String[] {"mcp", "add", "--help"}, new String[] {"login", "status", "--help"},
                new String[] {"completion", "--help"}, new String[] {"help", "mcp"})) {
            Cli r = Cli.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: jcodex"), String.join(" ", args) + ": " + r.out());
        }
        assertTrue(Cli.run("--help").out().contains("-C, --cd=DIR"));
        assertTrue(Cli.run("app-server", "--help").out().contains("generate-json-schema"));
    }

    @Test
    void aTypoedSubcommandSuggestsTheRightOne() {
        Cli r = Cli.run("exce");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Did you mean: jcodex exec?"), r.err());
        Cli mcp = Cli.run("mcp", "lst");
        assertEquals(2, mcp.code());
        assertTrue(mcp.err().contains("list"), mcp.err());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Cli r = Cli.run("--no-such-flag", "app-server");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--no-such-flag"), r.err());
        assertEquals(2, Cli.run("completion", "powershell").code());
    }
}
