package dev.jcodex.core.tools.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.tools.ThreadToolState;
import dev.jcodex.core.tools.ToolCall;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolOutput;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.util.List;

/** {@code write_stdin}: sends characters to a running exec_command session and returns its new output. */
public final class WriteStdinTool implements ToolHandler {
    private final ThreadToolState state;

    public WriteStdinTool(ThreadToolState state) { this.state = state; }

    @Override public String name() { return "write_stdin"; }

    @Override
    public ObjectNode spec() {
        ObjectNode props = Json.object();
        ExecCommandTool.prop(props, "session_id", "number", "The session id exec_command reported.");
        ExecCommandTool.prop(props, "chars", "string", "Characters to write to its standard input (may be empty "
                + "to just poll for output).");
        ExecCommandTool.prop(props, "yield_time_ms", "number", "How long to wait for output before returning.");
        ExecCommandTool.prop(props, "max_output_tokens", "number", "Token budget for the returned output.");
        return ExecCommandTool.function(name(), "Writes to a running command session and returns the output "
                + "produced since the last call.", props, List.of("session_id"));
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) throws InterruptedException {
        JsonNode a;
        try {
            a = Json.MAPPER.readTree(call.input().isBlank() ? "{}" : call.input());
        } catch (IOException e) {
            return new ToolOutput("failed to parse function arguments: " + e.getMessage(), false);
        }
        if (!a.path("session_id").canConvertToInt()) {
            return new ToolOutput("failed to parse function arguments: missing field `session_id`", false);
        }
        int id = a.path("session_id").asInt();
        ExecSession s = state.sessions().get(id);
        if (s == null) return new ToolOutput("write_stdin failed: Unknown session id " + id, false);
        String chars = a.path("chars").asText("");
        if (!chars.isEmpty()) {
            try {
                s.write(chars);
            } catch (IOException e) {
                return new ToolOutput("write_stdin failed: the process is not reading its input (" + e.getMessage() + ")",
                        false);
            }
        }
        long yield = Math.clamp(a.path("yield_time_ms").asLong(chars.isEmpty() ? 5_000 : 250),
                ExecCommandTool.MIN_YIELD_MS, ExecCommandTool.MAX_YIELD_MS);
        Integer exit;
        try (AutoCloseable ignored = ctx.cancellation().onCancel(s::kill)) {
            exit = s.await(yield);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (ctx.cancellation().isCancelled()) {
            state.sessions().remove(s);
            throw new InterruptedException("interrupted while waiting on session " + id);
        }
        if (exit != null) state.sessions().remove(s);
        return new ToolOutput(ExecOutput.format(s.takeUnread(), s.wallSeconds(), exit, id,
                a.path("max_output_tokens").asInt(ExecOutput.DEFAULT_MAX_TOKENS)), true);
    }
}
