package dev.jcodex.appserver.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jcodex completion bash|zsh|fish}: scripts that the shells accept and that complete subcommands. */
class CompletionCommandTest {
    @TempDir Path dir;

    record Result(int code, String out) {}

    static boolean has(String shell) {
        return Files.isExecutable(Path.of("/usr/bin", shell)) || Files.isExecutable(Path.of("/bin", shell));
    }

    Result sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    Path script(String shell) throws Exception {
        Cli r = shell == null ? Cli.run("completion") : Cli.run("completion", shell);
        assertEquals(0, r.code(), r.err());
        Path f = dir.resolve("jcodex." + (shell == null ? "default" : shell));
        Files.writeString(f, r.out());
        return f;
    }

    @Test
    void bashScriptParsesAndCompletesSubcommandsAndOptionValues() throws Exception {
        Path f = script("bash");
        assertEquals(0, sh("bash", "-n", f.toString()).code());
        // compopt works only inside a real completion; a no-op stands in for it here.
        String complete = "compopt() { :; }; source " + f + "; COMP_WORDS=(%s); COMP_CWORD=%d; COMP_LINE=\"${COMP_WORDS[*]}\"; "
                + "COMP_POINT=${#COMP_LINE}; _complete_jcodex; printf '%%s\\n' \"${COMPREPLY[@]}\"";
        Result sub = sh("bash", "-c", String.format(complete, "jcodex ex", 1));
        assertEquals(0, sub.code(), sub.out());
        assertEquals("exec", sub.out().strip(), sub.out());
        Result sandbox = sh("bash", "-c", String.format(complete, "jcodex -s work", 2));
        assertEquals("workspace-write", sandbox.out().strip(), sandbox.out());
        Result mcp = sh("bash", "-c", String.format(complete, "jcodex completion f", 2));
        assertEquals("fish", mcp.out().strip(), mcp.out());
    }

    @Test
    void defaultShellIsBashAsInCodex() throws Exception {
        assertEquals(Files.readString(script("bash")), Files.readString(script(null)));
    }

    @Test
    void zshLoadsTheScript() throws Exception {
        assumeTrue(has("zsh"), "zsh not installed (apt-get install zsh)");
        Path f = script("zsh");
        assertEquals(0, sh("zsh", "-n", f.toString()).code());
        Result r = sh("zsh", "-c", "autoload -U compinit && compinit -u; source " + f + "; print -r -- ${_comps[jcodex]}");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("_complete_jcodex") || r.out().contains("_bash_complete"), r.out());
    }

    @Test
    void fishScriptParsesAndCompletesSubcommandsAndOptions() throws Exception {
        assumeTrue(has("fish"), "fish not installed (apt-get install fish)");
        Path f = script("fish");
        Result syntax = sh("fish", "-n", f.toString());
        assertEquals(0, syntax.code(), syntax.out());
        Result subs = sh("fish", "-c", "source " + f + "; complete -C 'jcodex ex'");
        assertTrue(subs.out().lines().anyMatch(l -> l.startsWith("exec\t")), subs.out());
        Result execOpts = sh("fish", "-c", "source " + f + "; complete -C 'jcodex exec --out'");
        assertTrue(execOpts.out().contains("--output-schema"), execOpts.out());
        assertFalse(execOpts.out().contains("--listen"), "app-server's options are not exec's: " + execOpts.out());
        Result values = sh("fish", "-c", "source " + f + "; complete -C 'jcodex -s '");
        assertEquals(3, values.out().lines().filter(l -> l.matches("(read-only|workspace-write|danger-full-access).*")).count(),
                values.out());
    }
}
