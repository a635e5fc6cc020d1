package dev.jcodex.appserver.cli;

import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.transport.ListenAddress;
import dev.jcodex.appserver.transport.SocketServer;
import dev.jcodex.appserver.transport.WsAuth;
import java.io.IOException;
import java.nio.file.Path;

/** Runs the daemon on a socket until SIGTERM/SIGINT; refuses to expose an unauthenticated port beyond loopback. */
final class SocketMain {
    private SocketMain() {}

    static int serve(AppServer server, ListenAddress address, String mode, Path tokenFile, String tokenSha256)
            throws IOException, InterruptedException {
        WsAuth auth;
        if (mode == null) {
            if (tokenFile != null || tokenSha256 != null) {
                System.err.println("jcodex: --ws-token-file/--ws-token-sha256 need --ws-auth capability-token");
                return 2;
            }
            auth = WsAuth.none();
        } else if (mode.equals("capability-token")) {
            if ((tokenFile == null) == (tokenSha256 == null)) {
                System.err.println("jcodex: --ws-auth capability-token needs exactly one of --ws-token-file or --ws-token-sha256");
                return 2;
            }
            auth = tokenFile != null ? WsAuth.tokenFile(tokenFile) : WsAuth.tokenSha256(tokenSha256);
        } else {
            System.err.println("jcodex: unsupported --ws-auth `" + mode + "` (supported: capability-token)");
            return 2;
        }
        if (address instanceof ListenAddress.WebSocket ws && !ws.loopback() && !auth.required()) {
            System.err.println("jcodex: refusing to listen on non-loopback " + ws.address()
                    + " without --ws-auth capability-token");
            return 2;
        }
        SocketServer socket = SocketServer.start(address, auth, server.dispatcher(), server::attach);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.closeAll();
            socket.close();
        }, "jcodex-shutdown"));
        System.err.println("jcodex: listening on " + socket.describe());
        socket.awaitClose();
        return 0;
    }
}
