package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/** Moves MCP messages to and from one server. */
interface McpTransport {
    /** Connects; inbound messages go to {@code inbound}, and {@code closed} runs once when the link is gone. */
    void start(Consumer<JsonNode> inbound, Consumer<String> closed) throws IOException;

    /** Sends one message; throws {@link java.io.UncheckedIOException} when the link is gone. */
    void send(ObjectNode message);

    /** Ends the link (kills a stdio server's process tree). */
    void close();

    static McpTransport of(McpServerConfig c) {
        return switch (c.transport()) {
            case McpServerConfig.Stdio s -> new StdioMcpTransport(c.name(), s);
            case McpServerConfig.Http h -> new HttpMcpTransport(h);
        };
    }
}
