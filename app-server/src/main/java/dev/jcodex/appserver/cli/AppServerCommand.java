package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.transport.ListenAddress;
import dev.jcodex.appserver.transport.StdioTransport;
import dev.jcodex.core.config.CodexHome;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigException;
import dev.jcodex.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jcodex app-server}: the JSON-RPC daemon. */
@Command(name = "app-server", mixinStandardHelpOptions = true,
        subcommands = {GenerateTsCommand.class, GenerateJsonSchemaCommand.class},
        description = "Run the app-server daemon (JSON-RPC 2.0, one JSON object per line or per WebSocket frame).")
final class AppServerCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--listen", defaultValue = "stdio://", paramLabel = "URL",
            description = "Transport: stdio:// (default), ws://HOST:PORT (WebSocket; port 0 picks one), unix://PATH "
                    + "(WebSocket framing over a unix socket; bare unix:// uses CODEX_HOME/app-server-control/).")
    String listen;

    @Option(names = "--ws-auth", paramLabel = "MODE",
            description = "Socket authentication: capability-token (Authorization: Bearer <token>, the token from "
                    + "--ws-token-file or --ws-token-sha256) or signed-bearer-token (Authorization: Bearer <JWT>, "
                    + "HS256 with the secret in --ws-shared-secret-file).")
    String wsAuth;

    @Option(names = "--ws-token-file", paramLabel = "FILE", description = "File holding the capability token.")
    Path wsTokenFile;

    @Option(names = "--ws-token-sha256", paramLabel = "HEX", description = "SHA-256 of the capability token (64 hex digits).")
    String wsTokenSha256;

    @Option(names = "--ws-shared-secret-file", paramLabel = "FILE",
            description = "File holding the HS256 secret for signed bearer tokens (UTF-8, at least 32 bytes).")
    Path wsSharedSecretFile;

    @Option(names = "--ws-issuer", paramLabel = "ISSUER", description = "Required `iss` of signed bearer tokens.")
    String wsIssuer;

    @Option(names = "--ws-audience", paramLabel = "AUDIENCE", description = "Required `aud` of signed bearer tokens.")
    String wsAudience;

    @Option(names = "--ws-max-clock-skew-seconds", paramLabel = "SECONDS",
            description = "Leeway for `exp` and `nbf` of signed bearer tokens (default 30).")
    Long wsMaxClockSkewSeconds;

    @Override
    public Integer call() throws Exception {
        Path home = CodexHome.resolve();
        ListenAddress address;
        try {
            address = ListenAddress.parse(listen, home);
        } catch (IllegalArgumentException e) {
            System.err.println("jcodex: " + e.getMessage());
            return 2;
        }
        ConfigLoader loader = new ConfigLoader(home, parent.overrides, parent.profile).strict(parent.strictConfig);
        // As Codex: a config that cannot be used is reported to each client after initialize (configWarning) and
        // refused by thread/start, the daemon serving so an IDE can show why; with --strict-config the daemon
        // does not start at all. (Checked here only then: the cold start stays one config read.)
        if (parent.strictConfig) {
            Config config = loader.inspect(null);
            if (!config.errors().isEmpty()) {
                System.err.println(new ConfigException(config.errors()).render());
                return 1;
            }
        }
        AppServer server = new AppServer(loader);
        if (address instanceof ListenAddress.Stdio) {
            StdioTransport.serve(server.dispatcher(), server::attach);
            return 0;
        }
        // Kept out of this class's constant pool so the stdio path never loads Netty.
        return SocketMain.serve(server, address, new WsAuthOptions(wsAuth, wsTokenFile, wsTokenSha256, wsSharedSecretFile,
                wsIssuer, wsAudience, wsMaxClockSkewSeconds));
    }
}
