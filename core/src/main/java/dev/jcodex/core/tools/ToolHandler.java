package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.thread.TurnContext;

/** One model-facing tool: its spec as advertised in {@code tools[]} and how a call runs. */
public interface ToolHandler {
    String name();

    /** The Responses API tool definition (function or custom). */
    ObjectNode spec();

    /** Runs the call; emits its own items through the context. Never throws for tool-level failures. */
    ToolOutput handle(ToolCall call, TurnContext ctx) throws InterruptedException;

    /**
     * The namespace of a tool that may be loaded on demand (an MCP server's tools: {@code mcp__<server>}), or
     * null. Behind tool_search such tools are left out of {@code tools[]} and found by search.
     */
    default String namespace() { return null; }

    /** Called after each model round (the response and its tool calls); e.g. to re-announce the turn diff. */
    default void roundEnded(TurnContext ctx) {}
}
