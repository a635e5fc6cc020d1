package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.transport.ListenAddress;
import dev.jcodex.appserver.transport.SocketServer;
import dev.jcodex.appserver.transport.WsAuth;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** Runs the daemon on a socket until SIGTERM/SIGINT; refuses to expose an unauthenticated port beyond loopback. */
final class SocketMain {
    private SocketMain() {}

    static int serve(AppServer server, ListenAddress address, WsAuthOptions options)
            throws IOException, InterruptedException {
        WsAuth auth;
        try {
            auth = options.toAuth();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("jcodex: " + (e instanceof NoSuchFileException ? "no such file: " : "") + e.getMessage());
            return 2;
        }
        if (address instanceof ListenAddress.WebSocket ws && !ws.loopback() && !auth.required()) {
            System.err.println("jcodex: refusing to listen on non-loopback " + ws.address()
                    + " without --ws-auth capability-token or --ws-auth signed-bearer-token");
            return 2;
        }
        SocketServer socket;
        try {
            socket = SocketServer.start(address, auth, server.dispatcher(), server::attach);
        } catch (SocketServer.PathInUse e) {
            System.err.println("jcodex: cannot listen on unix://" + ((ListenAddress.Unix) address).path() + ": " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.closeAll();
            socket.close();
        }, "jcodex-shutdown"));
        System.err.println("jcodex: listening on " + socket.describe());
        socket.awaitClose();
        return 0;
    }
}
