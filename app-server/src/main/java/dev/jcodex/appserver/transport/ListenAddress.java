package dev.jcodex.appserver.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** A parsed {@code --listen} value: stdio, ws://HOST:PORT, or unix://PATH (bare unix:// uses the control socket). */
public sealed interface ListenAddress {
    record Stdio() implements ListenAddress {}

    record WebSocket(InetSocketAddress address) implements ListenAddress {
        public boolean loopback() { return address.getAddress().isLoopbackAddress(); }
    }

    record Unix(Path path) implements ListenAddress {}

    static ListenAddress parse(String value, Path codexHome) {
        if (value.equals("stdio") || value.equals("stdio://")) return new Stdio();
        if (value.startsWith("unix://")) {
            String p = value.substring("unix://".length());
            if (p.isEmpty()) return new Unix(codexHome.resolve("app-server-control").resolve("app-server-control.sock"));
            Path path = Path.of(p);
            if (!path.isAbsolute()) throw new IllegalArgumentException("unix:// needs an absolute path, got `" + p + "`");
            return new Unix(path);
        }
        if (value.startsWith("ws://")) {
            URI u = URI.create(value);
            if (u.getHost() == null || u.getPort() < 0) {
                throw new IllegalArgumentException("ws:// needs HOST:PORT (e.g. ws://127.0.0.1:4500), got `" + value + "`");
            }
            String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
            try {
                return new WebSocket(new InetSocketAddress(InetAddress.getByName(host), u.getPort()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host in `" + value + "`");
            }
        }
        throw new IllegalArgumentException("unsupported --listen value `" + value
                + "` (supported: stdio://, ws://HOST:PORT, unix://PATH)");
    }
}
