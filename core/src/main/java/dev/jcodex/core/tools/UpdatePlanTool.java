package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code update_plan}: the model's step list, shown to the client as turn/plan/updated. */
public final class UpdatePlanTool implements ToolHandler {
    private static final Set<String> STATUSES = Set.of("pending", "in_progress", "completed");

    @Override public String name() { return "update_plan"; }

    @Override
    public ObjectNode spec() {
        ObjectNode spec = Json.object().put("type", "function").put("name", name()).put("strict", false)
                .put("description", "Records the task plan: steps with a status each (pending, in_progress, "
                        + "completed); at most one step in progress.");
        ObjectNode params = spec.putObject("parameters").put("type", "object");
        ObjectNode props = params.putObject("properties");
        props.putObject("explanation").put("type", "string");
        ObjectNode steps = props.putObject("plan").put("type", "array");
        ObjectNode step = steps.putObject("items").put("type", "object");
        ObjectNode sp = step.putObject("properties");
        sp.putObject("step").put("type", "string");
        sp.putObject("status").put("type", "string").put("description", "pending, in_progress or completed");
        step.putArray("required").add("step").add("status");
        step.put("additionalProperties", false);
        params.putArray("required").add("plan");
        params.put("additionalProperties", false);
        return spec;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) {
        JsonNode a;
        try {
            a = Json.MAPPER.readTree(call.input().isBlank() ? "{}" : call.input());
        } catch (IOException e) {
            return new ToolOutput("failed to parse function arguments: " + e.getMessage(), false);
        }
        if (!a.path("plan").isArray()) return new ToolOutput("failed to parse function arguments: missing field `plan`", false);
        List<Event.PlanStep> steps = new ArrayList<>();
        for (JsonNode s : a.get("plan")) {
            String status = s.path("status").asText("pending");
            if (!STATUSES.contains(status)) {
                return new ToolOutput("failed to parse function arguments: unknown status `" + status
                        + "` (pending, in_progress, completed)", false);
            }
            steps.add(new Event.PlanStep(s.path("step").asText(""), status));
        }
        ctx.emit(new Event.PlanUpdated(ctx.threadId(), ctx.turnId(), a.path("explanation").asText(null), steps));
        return new ToolOutput("Plan updated", true);
    }
}
