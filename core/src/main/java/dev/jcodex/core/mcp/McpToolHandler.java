package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.approval.ApprovalDecision;
import dev.jcodex.core.approval.ApprovalRequest;
import dev.jcodex.core.approval.Approvals;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.item.ItemStatus;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.tools.ToolCall;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolOutput;
import dev.jcodex.core.util.Ids;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One MCP tool offered to the model. A call is an {@code mcpToolCall} item: started with the parsed
 * arguments, completed with the server's content/structuredContent, or failed with an error (bad
 * arguments, declined approval, timeout, interrupt, dead server). Progress notifications become
 * {@code item/mcpToolCall/progress}. A tool not marked read-only asks for approval first (see
 * {@link #needsApproval}). It never throws for a server's failure: the model is told instead.
 */
final class McpToolHandler implements ToolHandler {
    private final String name;
    private final String server;
    private final String tool;
    private final JsonNode definition;
    private final McpConnectionManager manager;

    McpToolHandler(String name, String server, String tool, JsonNode definition, McpConnectionManager manager) {
        this.name = name;
        this.server = server;
        this.tool = tool;
        this.definition = definition;
        this.manager = manager;
    }

    @Override
    public String name() { return name; }

    /** {@code mcp__<server>}: the model calls a searched-for tool as namespace + the rest of the name. */
    @Override
    public String namespace() {
        String ns = McpToolNames.sanitize(McpToolNames.PREFIX + server);
        return name.startsWith(ns + McpToolNames.DELIMITER) ? ns : null;
    }

    @Override
    public ObjectNode spec() {
        ObjectNode spec = Json.object().put("type", "function").put("name", name);
        String description = definition.path("description").asText(definition.path("title").asText(""));
        spec.put("description", description);
        spec.put("strict", false);
        spec.set("parameters", parameters(definition.get("inputSchema")));
        return spec;
    }

    /** The Responses API wants an object schema with properties; MCP servers may omit either. */
    static ObjectNode parameters(JsonNode inputSchema) {
        ObjectNode p = inputSchema instanceof ObjectNode o ? o.deepCopy() : Json.object();
        p.remove("$schema");
        if (!p.has("type")) p.put("type", "object");
        if ("object".equals(p.path("type").asText()) && !p.has("properties")) p.putObject("properties");
        return p;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) throws InterruptedException {
        long started = System.currentTimeMillis();
        String itemId = call.callId() == null || call.callId().isEmpty() ? Ids.uuidV7() : call.callId();
        JsonNode args;
        String argError = null;
        try {
            args = call.input() == null || call.input().isBlank() ? Json.object() : Json.MAPPER.readTree(call.input());
            if (!args.isObject()) argError = "arguments must be a JSON object";
        } catch (IOException e) {
            args = Json.MAPPER.getNodeFactory().textNode(call.input());
            argError = "failed to parse arguments: " + e.getMessage();
        }
        Object wireArgs = Json.MAPPER.convertValue(args, Object.class);
        ctx.itemStarted(new Item.McpToolCall(itemId, server, tool, ItemStatus.IN_PROGRESS, wireArgs, null, null, null,
                null, started, null));
        if (argError != null) return fail(ctx, itemId, wireArgs, started, argError);
        if (needsApproval(ctx.settings().approvalPolicy())) {
            ApprovalDecision d = Approvals.await(manager.gate(), new ApprovalRequest.McpToolCall(ctx.threadId(),
                    ctx.turnId(), itemId, started, server, tool, text(definition, "title"), text(definition, "description"),
                    args), ctx.cancellation(), s -> ctx.emit(new Event.ThreadStatusChanged(ctx.threadId(), s)));
            if (d == ApprovalDecision.ACCEPT_FOR_SESSION) manager.approvals().approveMcpTool(server, tool);
            // Cancel refuses this call only: the tool did nothing, so the model can carry on (as Codex does).
            if (!d.approved()) return fail(ctx, itemId, wireArgs, started,
                    d == ApprovalDecision.CANCEL ? "user cancelled MCP tool call" : "user rejected MCP tool call");
        }
        JsonNode result;
        List<AutoCloseable> hooks = new ArrayList<>();
        try {
            McpClient client = manager.client(server);
            result = client.callTool(tool, args, manager.config(server).toolTimeout(),
                    msg -> ctx.emit(new Event.McpToolCallProgress(ctx.threadId(), ctx.turnId(), itemId, msg)),
                    cancel -> hooks.add(ctx.cancellation().onCancel(cancel)));
        } catch (McpError e) {
            String why = ctx.cancellation().isCancelled() ? "interrupted" : e.getMessage();
            return fail(ctx, itemId, wireArgs, started, why);
        } finally {
            for (AutoCloseable h : hooks) {
                try { h.close(); } catch (Exception ignored) { }
            }
        }
        long now = System.currentTimeMillis();
        boolean isError = result.path("isError").asBoolean(false);
        List<Object> content = new ArrayList<>();
        for (JsonNode c : result.path("content")) content.add(Json.MAPPER.convertValue(c, Object.class));
        JsonNode structured = result.get("structuredContent");
        Object wireStructured = structured == null || structured.isNull() ? null : Json.MAPPER.convertValue(structured, Object.class);
        ctx.itemCompleted(new Item.McpToolCall(itemId, server, tool, isError ? ItemStatus.FAILED : ItemStatus.COMPLETED,
                wireArgs, content, wireStructured, null, now - started, started, now));
        return new ToolOutput(outputText(result), !isError);
    }

    /**
     * untrusted / on-request / on-failure ask before a tool the server does not mark read-only
     * ({@code annotations.readOnlyHint}); never runs it; a tool approved for the session runs again unasked.
     */
    boolean needsApproval(String policy) {
        if ("never".equals(policy)) return false;
        if (definition.path("annotations").path("readOnlyHint").asBoolean(false)) return false;
        return !manager.approvals().mcpToolApproved(server, tool);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private ToolOutput fail(TurnContext ctx, String itemId, Object args, long started, String error) {
        long now = System.currentTimeMillis();
        ctx.itemCompleted(new Item.McpToolCall(itemId, server, tool, ItemStatus.FAILED, args, null, null, error,
                now - started, started, now));
        return new ToolOutput("tool call error: " + error, false);
    }

    /** What the model reads: structuredContent when given, else text parts joined, else the content as JSON. */
    static String outputText(JsonNode result) {
        JsonNode structured = result.get("structuredContent");
        if (structured != null && !structured.isNull()) return structured.toString();
        JsonNode content = result.path("content");
        StringBuilder sb = new StringBuilder();
        boolean allText = true;
        for (JsonNode c : content) {
            if (!"text".equals(c.path("type").asText())) { allText = false; break; }
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(c.path("text").asText());
        }
        return allText ? sb.toString() : content.toString();
    }
}
