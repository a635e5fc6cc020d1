package dev.jcodex.appserver.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jcodex completion [bash|zsh|fish]}: a shell completion script on stdout, generated from the command
 * model itself so it cannot drift from the options. bash and zsh share picocli's script (it loads zsh's
 * bashcompinit itself); fish gets its own ({@link FishCompletion}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script: source <(jcodex completion bash), or see the README for zsh and fish.")
final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            converter = Choices.Shell.class, completionCandidates = Choices.Shell.class,
            description = "Shell to generate completions for: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        String script = shell.equals("fish") ? FishCompletion.script(root.getCommandSpec())
                : AutoComplete.bash(root.getCommandName(), root);
        out.print(script);
        out.flush();
        return 0;
    }
}
