package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.thread.TurnContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tools offered to the model, and the router that sends each call to its handler. */
public final class ToolRegistry {
    private final Map<String, ToolHandler> handlers = new LinkedHashMap<>();

    public ToolRegistry register(ToolHandler h) {
        handlers.put(h.name(), h);
        return this;
    }

    public List<ObjectNode> specs() {
        List<ObjectNode> out = new ArrayList<>();
        for (ToolHandler h : handlers.values()) out.add(h.spec());
        return out;
    }

    public ToolOutput dispatch(ToolCall call, TurnContext ctx) throws InterruptedException {
        ToolHandler h = handlers.get(call.name());
        if (h == null) return new ToolOutput("unsupported call: " + call.name(), false);
        return h.handle(call, ctx);
    }
}
