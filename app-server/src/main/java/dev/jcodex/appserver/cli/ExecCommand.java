package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.exec.ExecOptions;
import dev.jcodex.appserver.exec.ExecRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jcodex exec}: one turn without a client, Codex's argv grammar ({@code @openai/codex-sdk} drives it).
 * {@code exec [options] [resume <threadId>] [PROMPT | -]}; options may come before or after the positionals.
 */
@Command(name = "exec", aliases = "e", mixinStandardHelpOptions = true,
        description = "Run one turn non-interactively. Progress goes to stderr and the final message to stdout; "
                + "with --json, stdout is a JSONL event stream.")
final class ExecCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = {"--json", "--experimental-json"}, description = "Print events to stdout as JSONL.")
    boolean json;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "Model the agent should use.")
    String model;

    @Option(names = {"-s", "--sandbox"}, paramLabel = "MODE",
            description = "read-only, workspace-write or danger-full-access.")
    String sandbox;

    @Option(names = {"-C", "--cd"}, paramLabel = "DIR", description = "Working directory of the agent.")
    Path cd;

    @Option(names = "--add-dir", paramLabel = "DIR", description = "Extra writable directory (workspace-write).")
    List<Path> addDirs = new ArrayList<>();

    @Option(names = "--skip-git-repo-check", description = "Allow running outside a Git repository.")
    boolean skipGitRepoCheck;

    @Option(names = "--output-schema", paramLabel = "FILE", description = "JSON Schema the final response must match.")
    Path outputSchema;

    @Option(names = {"-i", "--image"}, paramLabel = "FILE", split = ",", description = "Image(s) to attach to the prompt.")
    List<Path> images = new ArrayList<>();

    @Option(names = {"-o", "--output-last-message"}, paramLabel = "FILE", description = "Also write the final message to FILE.")
    Path outputLastMessage;

    @Option(names = "--full-auto", description = "workspace-write sandbox, approvals on request.")
    boolean fullAuto;

    @Option(names = {"--dangerously-bypass-approvals-and-sandbox", "--yolo"},
            description = "No sandbox and no approvals.")
    boolean yolo;

    @Option(names = "--ephemeral", description = "Do not save the thread.")
    boolean ephemeral;

    @Option(names = "--color", paramLabel = "WHEN", description = "always, never or auto (accepted; output is plain).")
    String color;

    @Option(names = "--thread-source", paramLabel = "SOURCE", hidden = true, description = "Recorded thread source.")
    String threadSource;

    @Option(names = "--cyber-access-program", paramLabel = "P", hidden = true, description = "Accepted and ignored.")
    String cyberAccessProgram;

    @Parameters(paramLabel = "ARGS", arity = "0..*",
            description = "[resume <threadId>] [PROMPT]; PROMPT '-' or absent reads it from stdin.")
    List<String> positionals = new ArrayList<>();

    @Override
    public Integer call() {
        // The agent's cwd: --cd, relative to the working root -C gave (else the real cwd).
        cd = dev.jcodex.core.config.WorkingDirectory.current().resolve(cd == null ? Path.of("") : cd).normalize();
        String codexApiKey = System.getenv("CODEX_API_KEY");
        if (codexApiKey != null && !codexApiKey.isBlank()) {
            System.setProperty(dev.jcodex.core.config.ModelProviderInfo.EXEC_API_KEY_PROPERTY, codexApiKey);
        }
        String resumeId = null;
        List<String> rest = positionals;
        if (!rest.isEmpty() && rest.get(0).equals("resume")) {
            if (rest.size() < 2) {
                System.err.println("jcodex exec resume: a thread id is required");
                return 2;
            }
            resumeId = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() > 1) {
            System.err.println("jcodex exec: expected one PROMPT argument, got " + rest.size() + " (quote the prompt)");
            return 2;
        }
        String prompt = rest.isEmpty() ? null : rest.get(0);
        String sandboxMode = sandbox;
        String approval = null;
        if (fullAuto) {
            sandboxMode = sandboxMode == null ? "workspace-write" : sandboxMode;
            approval = "on-request";
        }
        if (yolo) {
            sandboxMode = "danger-full-access";
            approval = "never";
        }
        return new ExecRunner(new ExecOptions(json, model, sandboxMode, approval, cd, addDirs, skipGitRepoCheck,
                outputSchema, images, outputLastMessage, ephemeral, resumeId, prompt, parent.overrides, parent.profile, parent.strictConfig))
                .run();
    }
}
