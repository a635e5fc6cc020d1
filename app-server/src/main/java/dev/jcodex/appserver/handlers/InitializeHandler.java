package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.InitializeParams;
import dev.jcodex.protocol.v2.InitializeResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The handshake: exactly one initialize per connection, before anything else. */
public final class InitializeHandler {
    public static final String JCODEX_VERSION = "0.1.0";

    private final Path codexHome;
    private final java.util.function.Consumer<JsonRpcConnection> afterInitialize;

    public InitializeHandler(Path codexHome) { this(codexHome, c -> { }); }

    /** {@code afterInitialize} runs right after the result is queued (config warnings go out then). */
    public InitializeHandler(Path codexHome, java.util.function.Consumer<JsonRpcConnection> afterInitialize) {
        this.codexHome = codexHome;
        this.afterInitialize = afterInitialize;
    }

    public void register(Dispatcher d) { d.on(ClientRequests.INITIALIZE, this::initialize); }

    Object initialize(JsonRpcConnection conn, InitializeParams p) {
        String name = p.clientInfo().name();
        if (name == null || name.isBlank() || !validHeaderValue(name)) {
            throw RpcException.invalidRequest("Invalid clientInfo.name: it must be a non-empty HTTP header value");
        }
        var caps = p.capabilities();
        boolean experimental = caps != null && Boolean.TRUE.equals(caps.experimentalApi());
        List<String> optOuts = caps == null || caps.optOutNotificationMethods() == null ? List.of()
                : caps.optOutNotificationMethods();
        if (!conn.session().initialize(p.clientInfo(), experimental, Set.copyOf(optOuts))) {
            throw RpcException.invalidRequest("Already initialized");
        }
        return dev.jcodex.appserver.rpc.Reply.then(new InitializeResponse(userAgent(name, p.clientInfo().version()),
                codexHome.toString(), "unix", platformOs()), () -> afterInitialize.accept(conn));
    }

    /** {@code <client>/<protocol version> (<os> <version>; <arch>) jcodex/<ver> (<client>; <client version>)}. */
    static String userAgent(String client, String clientVersion) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return client + "/" + ThreadView.PROTOCOL_VERSION + " (" + os + "; " + System.getProperty("os.arch") + ") jcodex/"
                + JCODEX_VERSION + " (" + client + "; " + (clientVersion == null ? "" : clientVersion) + ")";
    }

    static String platformOs() {
        String os = System.getProperty("os.name").toLowerCase();
        if (os.contains("mac")) return "macos";
        if (os.contains("win")) return "windows";
        return "linux";
    }

    private static boolean validHeaderValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) return false;
        }
        return true;
    }
}
