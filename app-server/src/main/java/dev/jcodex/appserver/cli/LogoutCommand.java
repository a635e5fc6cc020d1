package dev.jcodex.appserver.cli;

import dev.jcodex.core.config.AuthStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jcodex logout}: deletes CODEX_HOME/auth.json; not being logged in is not an error (as in Codex). */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Remove the saved credentials (CODEX_HOME/auth.json).")
final class LogoutCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path home = parent.codexHome();
        try {
            err.println(AuthStore.clear(home) ? "Successfully logged out" : "Not logged in");
            return 0;
        } catch (IOException e) {
            err.println("jcodex logout: cannot remove " + AuthStore.file(home) + ": " + e.getMessage());
            return 1;
        }
    }
}
