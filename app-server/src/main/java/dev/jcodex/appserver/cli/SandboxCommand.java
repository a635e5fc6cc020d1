package dev.jcodex.appserver.cli;

import dev.jcodex.sandbox.SandboxMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcodex sandbox [--policy P] [--writable-root DIR]... [--network] -- CMD...}: try a policy on one command. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run one command under a sandbox policy, as the agent's commands run (exit code passed through).")
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--policy", defaultValue = "workspace-write", paramLabel = "MODE",
            description = "read-only, workspace-write (default; cwd is writable) or danger-full-access.")
    String policy;

    @Option(names = "--writable-root", paramLabel = "DIR", description = "An extra writable directory. Repeatable.")
    List<String> writableRoots = new ArrayList<>();

    @Option(names = "--network", description = "Allow network access (off by default).")
    boolean network;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
    List<String> command;

    @Override
    public Integer call() {
        return SandboxMain.run(policy, writableRoots, network, command);
    }
}
