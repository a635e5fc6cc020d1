package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;

/** A JSON-RPC error from (or for) an MCP peer, or a local failure of the connection. */
public final class McpError extends Exception {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Not a wire code: the transport closed (the server exited or the HTTP session ended). */
    public static final int CONNECTION_CLOSED = -32000;
    /** MCP: request timed out. */
    public static final int REQUEST_TIMEOUT = -32001;

    private final int code;
    private final transient JsonNode data;

    public McpError(int code, String message) { this(code, message, null); }

    public McpError(int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() { return code; }

    public ObjectNode toJson() {
        ObjectNode e = Json.object().put("code", code).put("message", getMessage());
        if (data != null) e.set("data", data);
        return e;
    }
}
