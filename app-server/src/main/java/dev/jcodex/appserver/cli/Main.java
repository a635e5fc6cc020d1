package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.handlers.InitializeHandler;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code jcodex}: the command line, shaped like Codex's ({@code app-server}, {@code demo}, ...). */
@Command(name = "jcodex", mixinStandardHelpOptions = true, version = "jcodex " + InitializeHandler.JCODEX_VERSION,
        description = "A Codex-compatible app-server and coding agent, in Java.",
        subcommands = {AppServerCommand.class, ExecCommand.class, McpServerCommand.class, SandboxCommand.class, DemoCommand.class, ProxyCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = {"-c", "--config"}, paramLabel = "key=value", scope = ScopeType.INHERIT,
            description = "Override a config.toml value (dotted key, TOML value), e.g. -c model=\"o3\". Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Config profile from [profiles.NAME] in config.toml.")
    String profile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) throws Exception {
        AppServerCommand daemon = FastLaunch.appServer(args);
        int code = daemon != null ? daemon.call() : new CommandLine(new Main()).execute(args);
        System.exit(code);
    }
}
