package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.protocol.ClientRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.protocol.RequestMethod;
import dev.jcodex.protocol.v2.ClientInfo;
import java.util.ArrayList;
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

    /**
     * Registered on the raw params: the handshake is the first thing every client waits for, and binding it
     * through Jackson's bean introspection (annotation proxies, generated accessors) would cost a cold
     * process more than everything else on the way to the reply.
     */
    public void register(Dispatcher d) {
        d.on(new RequestMethod<>(ClientRequests.INITIALIZE.name(), ObjectNode.class, ObjectNode.class), this::initialize);
    }

    Object initialize(JsonRpcConnection conn, ObjectNode p) {
        JsonNode ci = p.get("clientInfo");
        if (ci == null || ci.isNull()) throw invalid("missing field `clientInfo`");
        if (!ci.isObject()) throw invalid("`clientInfo`: invalid type, expected an object");
        ClientInfo info = new ClientInfo(requiredString(ci, "name"), optionalString(ci, "title"),
                requiredString(ci, "version"));
        String name = info.name();
        if (name.isBlank() || !validHeaderValue(name)) {
            throw RpcException.invalidRequest("Invalid clientInfo.name: it must be a non-empty HTTP header value");
        }
        JsonNode caps = p.get("capabilities");
        boolean experimental = false;
        List<String> optOuts = new ArrayList<>();
        if (caps != null && !caps.isNull()) {
            if (!caps.isObject()) throw invalid("`capabilities`: invalid type, expected an object");
            JsonNode exp = caps.get("experimentalApi");
            if (exp != null && !exp.isNull()) {
                if (!exp.isBoolean()) throw invalid("`capabilities.experimentalApi`: invalid type, expected a boolean");
                experimental = exp.booleanValue();
            }
            JsonNode opt = caps.get("optOutNotificationMethods");
            if (opt != null && !opt.isNull()) {
                if (!opt.isArray()) throw invalid("`capabilities.optOutNotificationMethods`: invalid type, expected an array");
                for (int i = 0; i < opt.size(); i++) {
                    if (!opt.get(i).isTextual()) {
                        throw invalid("`capabilities.optOutNotificationMethods[" + i + "]`: invalid type, expected a string");
                    }
                    optOuts.add(opt.get(i).textValue());
                }
            }
        }
        if (!conn.session().initialize(info, experimental, Set.copyOf(optOuts))) {
            throw RpcException.invalidRequest("Already initialized");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode()
                .put("userAgent", userAgent(name, info.version()))
                .put("codexHome", codexHome.toString())
                .put("platformFamily", "unix")
                .put("platformOs", platformOs());
        return dev.jcodex.appserver.rpc.Reply.then(result, () -> afterInitialize.accept(conn));
    }

    private static RpcException invalid(String what) {
        return RpcException.invalidParams("Invalid params for initialize: " + what);
    }

    private static String requiredString(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) throw invalid("missing field `clientInfo." + field + "`");
        if (!v.isTextual()) throw invalid("`clientInfo." + field + "`: invalid type, expected a string");
        return v.textValue();
    }

    private static String optionalString(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw invalid("`clientInfo." + field + "`: invalid type, expected a string");
        return v.textValue();
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
