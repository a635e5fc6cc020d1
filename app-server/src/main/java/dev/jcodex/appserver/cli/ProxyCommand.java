package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.proxy.ProxyServer;
import dev.jcodex.appserver.proxy.Upstream;
import dev.jcodex.core.config.CodexHome;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jcodex proxy}: an OpenAI-compatible passthrough to the active model provider (see README, "Proxy"). */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Serve /v1/* on a local port and forward it to the base_url of the active model_provider, "
                + "streaming both ways and adding the provider's API key when the client sends none.")
final class ProxyCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--bind", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:11435",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); port 0 picks a free one.")
    String bind;

    @Option(names = "--allow-cors-any", description = "Answer CORS preflights and allow any origin.")
    boolean cors;

    @Option(names = "--allow-non-loopback",
            description = "Allow --bind on a non-loopback address (anyone who can reach it uses your key).")
    boolean allowNonLoopback;

    @Override
    public Integer call() throws Exception {
        Path home = CodexHome.resolve();
        Config config = new ConfigLoader(home, parent.overrides, parent.profile).load(Map.of());
        config.warnings().forEach(w -> System.err.println("jcodex proxy: config: " + w));
        Upstream upstream;
        InetSocketAddress address;
        try {
            upstream = Upstream.of(config.activeProvider(), System::getenv, home);
            address = parseBind(bind);
        } catch (IllegalArgumentException e) {
            System.err.println("jcodex proxy: " + e.getMessage());
            return 2;
        }
        ProxyServer server;
        try {
            server = ProxyServer.start(address, allowNonLoopback, upstream, cors, null);
        } catch (IllegalArgumentException e) {
            System.err.println("jcodex proxy: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("jcodex proxy: cannot listen on " + bind + ": " + e.getMessage());
            return 1;
        }
        if (!address.getAddress().isLoopbackAddress()) {
            System.err.println("jcodex proxy: WARNING: listening on non-loopback " + bind
                    + "; anyone who can reach it can use your API key");
        }
        String host = address.getHostString().indexOf(':') >= 0 ? "[" + address.getHostString() + "]" : address.getHostString();
        System.err.println("jcodex proxy: listening on http://" + host + ":" + server.address().getPort() + "/v1 -> "
                + upstream.baseUrl() + " (provider " + upstream.providerId() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitClose();
        return 0;
    }

    static InetSocketAddress parseBind(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) throw new IllegalArgumentException("--bind: expected HOST:PORT, got `" + s + "`");
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bind: port `" + s.substring(colon + 1) + "` is not a number");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--bind: port " + port + " is out of range");
        return new InetSocketAddress(host, port);
    }
}
