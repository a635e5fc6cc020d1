package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.mcpserver.CodexMcpServer;
import dev.jcodex.core.config.CodexHome;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigException;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ConfigWarning;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jcodex mcp-server}: jcodex as an MCP server over stdio (tools codex and codex-reply). */
@Command(name = "mcp-server", mixinStandardHelpOptions = true,
        description = "Run jcodex as an MCP server over stdio, with the tools `codex` and `codex-reply`.")
final class McpServerCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Override
    public Integer call() throws Exception {
        // Keep the real stdout for protocol messages; anything else that prints goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err);
        ConfigLoader loader = new ConfigLoader(CodexHome.resolve(), parent.overrides, parent.profile).strict(parent.strictConfig);
        // A config that cannot be used stops the server before it answers anything, as in Codex (exit 1).
        Config config = loader.inspect(null);
        if (!config.errors().isEmpty()) {
            System.err.println(new ConfigException(config.errors()).render());
            return 1;
        }
        for (ConfigWarning w : config.configWarnings()) System.err.println("warning: " + w.summary());
        new CodexMcpServer(loader, protocol).serve(System.in);
        return 0;
    }
}
