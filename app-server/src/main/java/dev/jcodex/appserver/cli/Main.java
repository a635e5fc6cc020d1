package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.handlers.InitializeHandler;
import dev.jcodex.core.config.WorkingDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code jcodex}: the command line, shaped like Codex's ({@code app-server}, {@code exec}, ...). The global
 * options before a subcommand become config overrides in one place ({@link #configOverrides()}), so every
 * subcommand that loads config sees them alike.
 */
@Command(name = "jcodex", mixinStandardHelpOptions = true, version = "jcodex " + InitializeHandler.JCODEX_VERSION,
        description = "A Codex-compatible app-server and coding agent, in Java.",
        subcommands = {AppServerCommand.class, ExecCommand.class, McpServerCommand.class, SandboxCommand.class, DemoCommand.class,
                ProxyCommand.class, CompletionCommand.class, LoginCommand.class, LogoutCommand.class, McpCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = {"-c", "--config"}, paramLabel = "key=value", scope = ScopeType.INHERIT,
            description = "Override a config.toml value (dotted key, TOML value; not TOML: a literal string), "
                    + "e.g. -c model=\"o3\". Repeatable.")
    List<String> dashC = new ArrayList<>();

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Config profile from [profiles.NAME] in config.toml ($CODEX_HOME/config.toml, default ~/.codex).")
    String profile;

    @Option(names = "--strict-config", scope = ScopeType.INHERIT,
            description = "Error out when config.toml contains settings jcodex does not recognize (else they are warnings).")
    boolean strictConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * What every subcommand hands its ConfigLoader: {@link #configOverrides()}, set just before the subcommand runs
     * (FastLaunch, which takes only -c and -p, sets the -c list itself).
     */
    List<String> overrides = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "FEATURE", scope = ScopeType.INHERIT,
            description = "Enable a feature (repeatable); the same as -c features.FEATURE=true.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "FEATURE", scope = ScopeType.INHERIT,
            description = "Disable a feature (repeatable); the same as -c features.FEATURE=false.")
    List<String> disable = new ArrayList<>();

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model the agent should use (the same as -c model=MODEL, and wins over it).")
    String model;

    @Option(names = {"-s", "--sandbox"}, paramLabel = "MODE", converter = Choices.Sandbox.class,
            completionCandidates = Choices.Sandbox.class,
            description = "Sandbox for model-generated commands: ${COMPLETION-CANDIDATES} (sets sandbox_mode).")
    String sandbox;

    @Option(names = {"-a", "--ask-for-approval"}, paramLabel = "POLICY", converter = Choices.Approval.class,
            completionCandidates = Choices.Approval.class,
            description = "When the agent asks before running a command: ${COMPLETION-CANDIDATES} (sets approval_policy).")
    String approval;

    @Option(names = {"-C", "--cd"}, paramLabel = "DIR",
            description = "Working root of the agent: the cwd of threads that name none (exec, app-server, mcp-server).")
    Path cd;

    /** Where login and mcp read and write; null: CodexHome.resolve() (tests set it). */
    Path codexHome;

    /** What login --with-api-key reads (tests replace it). */
    java.io.InputStream stdin = System.in;

    Path codexHome() { return codexHome != null ? codexHome : dev.jcodex.core.config.CodexHome.resolve(); }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /**
     * The overrides every subcommand hands to its ConfigLoader, lowest first: {@code -c}, then
     * {@code --enable/--disable}, then {@code -m/-s/-a} (a named flag wins over a {@code -c} of the same key, as in Codex).
     */
    List<String> configOverrides() {
        List<String> out = new ArrayList<>(dashC);
        for (String f : enable) out.add("features." + f + "=true");
        for (String f : disable) out.add("features." + f + "=false");
        if (model != null) out.add("model=" + tomlString(model));
        if (sandbox != null) out.add("sandbox_mode=" + tomlString(sandbox));
        if (approval != null) out.add("approval_policy=" + tomlString(approval));
        return out;
    }

    /** Applies {@code -C}; false (after saying why) when DIR is not a directory. */
    boolean applyWorkingDirectory(java.io.PrintWriter err) {
        if (cd == null) return true;
        Path dir = Path.of(System.getProperty("user.dir")).resolve(cd).normalize();
        if (!Files.isDirectory(dir)) {
            err.println("jcodex: -C " + cd + ": not a directory");
            err.flush();
            return false;
        }
        WorkingDirectory.set(dir);
        return true;
    }

    static String tomlString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch)); else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }

    /** The command line as main() runs it: suggestions for typos, usage errors exit 2, -C applied first. */
    static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        cl.setAbbreviatedSubcommandsAllowed(false);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            if (!main.applyWorkingDirectory(cl.getErr())) return CommandLine.ExitCode.USAGE;
            main.overrides = main.configOverrides();
            return run.execute(parsed);
        });
        // a config that does not parse stops any subcommand that reads it (mcp, login, proxy, ...) with the
        // file:line:col report and exit 1, never a stack trace
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (!(e instanceof dev.jcodex.core.config.ConfigException ce)) throw e;
            line.getErr().println(ce.render());
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) throws Exception {
        AppServerCommand daemon = FastLaunch.appServer(args);
        int code;
        if (daemon != null) code = daemon.parent.applyWorkingDirectory(new java.io.PrintWriter(System.err, true)) ? daemon.call() : CommandLine.ExitCode.USAGE;
        else code = commandLine(new Main()).execute(args);
        System.exit(code);
    }
}
