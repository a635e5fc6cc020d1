package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.transport.StdioTransport;
import dev.jcodex.core.config.CodexHome;
import dev.jcodex.core.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jcodex app-server}: the JSON-RPC daemon. */
@Command(name = "app-server", mixinStandardHelpOptions = true,
        description = "Run the app-server daemon (JSON-RPC 2.0, one JSON object per line).")
final class AppServerCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--listen", defaultValue = "stdio://", paramLabel = "URL",
            description = "Transport: stdio:// (default).")
    String listen;

    @Override
    public Integer call() throws Exception {
        if (!listen.equals("stdio://") && !listen.equals("stdio")) {
            System.err.println("jcodex: unsupported --listen value `" + listen + "` (supported: stdio://)");
            return 2;
        }
        AppServer server = new AppServer(new ConfigLoader(CodexHome.resolve(), parent.overrides, parent.profile));
        StdioTransport.serve(server.dispatcher(), server::attach);
        return 0;
    }
}
