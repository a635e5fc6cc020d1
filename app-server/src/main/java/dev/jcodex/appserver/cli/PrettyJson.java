package dev.jcodex.appserver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.util.Json;
import java.util.Iterator;
import java.util.Map;

/** JSON indented as Codex prints it (2 spaces, {@code "k": v}, empty {@code []} and {@code {}}), for --json output. */
final class PrettyJson {
    private PrettyJson() {}

    static String of(JsonNode n) {
        StringBuilder b = new StringBuilder();
        write(n, 0, b);
        return b.toString();
    }

    private static void write(JsonNode n, int depth, StringBuilder b) {
        String pad = "  ".repeat(depth + 1);
        if (n.isArray() && !n.isEmpty()) {
            b.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                b.append(pad);
                write(n.get(i), depth + 1, b);
                b.append(i + 1 < n.size() ? ",\n" : "\n");
            }
            b.append("  ".repeat(depth)).append(']');
        } else if (n.isObject() && !n.isEmpty()) {
            b.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(pad).append(Json.MAPPER.valueToTree(e.getKey()).toString()).append(": ");
                write(e.getValue(), depth + 1, b);
                b.append(it.hasNext() ? ",\n" : "\n");
            }
            b.append("  ".repeat(depth)).append('}');
        } else {
            b.append(n.toString());
        }
    }
}
