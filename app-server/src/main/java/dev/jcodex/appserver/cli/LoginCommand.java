package dev.jcodex.appserver.cli;

import dev.jcodex.core.config.AuthStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcodex login --with-api-key}: saves an API key (read from stdin, so it stays out of argv and shell
 * history) to {@code CODEX_HOME/auth.json}, owner-only, in Codex's format. Messages go to stderr, as Codex's do.
 */
@Command(name = "login", mixinStandardHelpOptions = true, subcommands = LoginCommand.Status.class,
        description = "Save an OpenAI API key to CODEX_HOME/auth.json (mode 0600), read from stdin.")
final class LoginCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--with-api-key",
            description = "Read the API key from stdin (e.g. printenv OPENAI_API_KEY | jcodex login --with-api-key).")
    boolean withApiKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!withApiKey) {
            // jcodex has no ChatGPT (browser or device-code) login; say so instead of pretending.
            err.println("jcodex login: only API-key login is supported: printenv OPENAI_API_KEY | jcodex login --with-api-key");
            return CommandLine.ExitCode.USAGE;
        }
        err.println("Reading API key from stdin...");
        String key;
        try {
            key = new String(parent.stdin.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            err.println("jcodex login: cannot read stdin: " + e.getMessage());
            return 1;
        }
        if (key.isEmpty()) {
            err.println("No API key provided via stdin.");
            return 1;
        }
        Path home = parent.codexHome();
        try {
            AuthStore.saveApiKey(home, key);
        } catch (IOException e) {
            err.println("jcodex login: cannot write " + AuthStore.file(home) + ": " + e.getMessage());
            return 1;
        }
        err.println("API key saved to " + AuthStore.file(home) + ".");
        return 0;
    }

    /** Codex's masking: short keys fully hidden, else the first 8 and last 5 characters. */
    static String mask(String key) {
        return key.length() <= 13 ? "***" : key.substring(0, 8) + "***" + key.substring(key.length() - 5);
    }

    /** {@code jcodex login status}: exit 0 when a key is saved, 1 when not (scripts test it). */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show whether an API key is saved in CODEX_HOME/auth.json (exit 0) or not (exit 1).")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        LoginCommand login;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String key = AuthStore.apiKey(login.parent.codexHome());
            if (key == null) {
                err.println("Not logged in");
                return 1;
            }
            err.println("API key configured - " + mask(key));
            return 0;
        }
    }
}
