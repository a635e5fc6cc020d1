package dev.jcodex.core.tools.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.approval.Approvals;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.tools.ClientAnswers;
import dev.jcodex.core.tools.ToolCall;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolOutput;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code request_permissions}: the model asks for filesystem paths or network access beyond the sandbox for its
 * later commands; the user grants a subset ({@code item/permissions/requestApproval}) for the turn or the
 * session. Offered, as in Codex 0.171, only with {@code features.request_permissions_tool = true}. The model is
 * told what was granted (and could be applied).
 */
public final class RequestPermissionsTool implements ToolHandler {
    public static final String NAME = "request_permissions";

    private final PermissionGate gate;
    private final PermissionGrants grants;

    public RequestPermissionsTool(PermissionGate gate, PermissionGrants grants) {
        this.gate = gate;
        this.grants = grants;
    }

    @Override public String name() { return NAME; }

    @Override
    public ObjectNode spec() {
        ObjectNode spec = Json.object().put("type", "function").put("name", NAME)
                .put("description", "Ask the user for filesystem or network access beyond the sandbox and wait for "
                        + "the answer; the user may grant part of it. What is granted applies to later commands of "
                        + "this turn, or of the whole session if the user says so. Relative paths resolve against "
                        + "the working directory.")
                .put("strict", false);
        ObjectNode params = spec.putObject("parameters").put("type", "object");
        ObjectNode props = params.putObject("properties");
        props.putObject("environment_id").put("type", "string")
                .put("description", "The environment to act in; omit it for the primary one.");
        ObjectNode perms = props.putObject("permissions").put("type", "object")
                .put("description", "The access asked for.");
        ObjectNode pp = perms.putObject("properties");
        ObjectNode fs = pp.putObject("file_system").put("type", "object").put("description", "Filesystem access.");
        ObjectNode fsp = fs.putObject("properties");
        fsp.putObject("read").put("type", "array").put("description", "Absolute paths to read; omit if none.")
                .putObject("items").put("type", "string");
        fsp.putObject("write").put("type", "array").put("description", "Absolute paths to write; omit if none.")
                .putObject("items").put("type", "string");
        fs.put("additionalProperties", false);
        ObjectNode net = pp.putObject("network").put("type", "object").put("description", "Network access.");
        net.putObject("properties").putObject("enabled").put("type", "boolean")
                .put("description", "true asks for network access.");
        net.put("additionalProperties", false);
        perms.put("additionalProperties", false);
        props.putObject("reason").put("type", "string").put("description", "Why the access is needed, briefly.");
        params.putArray("required").add("permissions");
        params.put("additionalProperties", false);
        return spec;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) throws InterruptedException {
        JsonNode a;
        try {
            a = Json.MAPPER.readTree(call.input() == null || call.input().isBlank() ? "{}" : call.input());
        } catch (IOException e) {
            return new ToolOutput("failed to parse function arguments: " + e.getMessage(), false);
        }
        JsonNode perms = a.path("permissions");
        if (!perms.isObject()) return new ToolOutput("failed to parse function arguments: missing field `permissions`", false);
        Path cwd = Path.of(ctx.settings().cwd());
        List<String> read = paths(perms.path("file_system").path("read"), cwd);
        List<String> write = paths(perms.path("file_system").path("write"), cwd);
        Boolean network = perms.path("network").path("enabled").isBoolean() ? perms.path("network").path("enabled").asBoolean() : null;
        if (read.isEmpty() && write.isEmpty() && !Boolean.TRUE.equals(network)) {
            return new ToolOutput("request_permissions: nothing was asked for (give file_system paths or network)", false);
        }
        PermissionGrant granted = PermissionGrant.NONE;
        if (!"never".equals(ctx.settings().approvalPolicy())) {
            PermissionGrant answer = await(new PermissionRequest(ctx.threadId(), ctx.turnId(), call.callId(),
                    System.currentTimeMillis(), cwd.toString(), a.path("reason").asText(null), read, write, network), ctx);
            if (answer != null) granted = PermissionGrants.applicable(subset(answer, read, write, network), ctx.settings().sandbox());
        }
        if (!granted.isEmpty()) grants.add(ctx.turnId(), granted);
        return new ToolOutput(describe(granted), true);
    }

    /** Only what was asked: a client cannot grant more than the model requested. */
    private static PermissionGrant subset(PermissionGrant g, List<String> read, List<String> write, Boolean network) {
        return new PermissionGrant(g.read().stream().filter(read::contains).toList(),
                g.write().stream().filter(write::contains).toList(), g.network() && Boolean.TRUE.equals(network), g.session());
    }

    private static String describe(PermissionGrant g) {
        ObjectNode out = Json.object();
        ObjectNode p = out.putObject("permissions");
        if (g.network()) p.putObject("network").put("enabled", true);
        else p.putNull("network");
        if (g.read().isEmpty() && g.write().isEmpty()) {
            p.putNull("file_system");
        } else {
            ObjectNode fs = p.putObject("file_system");
            if (!g.read().isEmpty()) g.read().forEach(fs.withArray("read")::add);
            if (!g.write().isEmpty()) g.write().forEach(fs.withArray("write")::add);
        }
        out.put("scope", g.session() ? "session" : "turn");
        return out.toString();
    }

    private static List<String> paths(JsonNode arr, Path cwd) {
        List<String> out = new ArrayList<>();
        if (!arr.isArray()) return out;
        for (JsonNode n : arr) if (n.isTextual() && !n.asText().isBlank()) out.add(cwd.resolve(n.asText()).normalize().toString());
        return out;
    }

    private PermissionGrant await(PermissionRequest r, TurnContext ctx) throws InterruptedException {
        return ClientAnswers.await(ctx, Approvals.WAITING, () -> gate.request(r), "permissions");
    }
}
