package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tool_search}, the Responses API's client-executed tool search, as Codex 0.171 uses it: MCP tools are
 * left out of {@code tools[]} and the model searches their names and descriptions (BM25); the result goes back
 * as a {@code tool_search_output} item listing the matching tools grouped in their {@code mcp__<server>}
 * namespaces, which the model can call from then on. Offered only to providers that host the Responses
 * tool types (OpenAI auth): elsewhere MCP tools stay upfront, which every provider understands.
 */
public final class ToolSearchTool implements ToolHandler {
    public static final String NAME = "tool_search";
    static final int DEFAULT_LIMIT = 8;
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final ToolRegistry registry;

    public ToolSearchTool(ToolRegistry registry) { this.registry = registry; }

    /** Whether tool_search replaces upfront MCP tools for this provider. */
    public static boolean offeredTo(ModelProviderInfo provider) {
        return provider != null && "responses".equals(provider.wireApi()) && provider.requiresOpenaiAuth();
    }

    @Override public String name() { return NAME; }

    @Override
    public ObjectNode spec() {
        ObjectNode spec = Json.object().put("type", NAME).put("execution", "client")
                .put("description", "Finds tools that were not listed upfront (the tools of MCP servers): searches "
                        + "their names and descriptions and makes the matches callable in the next step. Use it to "
                        + "discover MCP tools.");
        ObjectNode params = spec.putObject("parameters").put("type", "object");
        ObjectNode props = params.putObject("properties");
        props.putObject("limit").put("type", "number").put("description", "How many tools to return at most (8 by default).");
        props.putObject("query").put("type", "string").put("description", "What to look for.");
        params.putArray("required").add("query");
        params.put("additionalProperties", false);
        return spec;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) {
        JsonNode a;
        try {
            a = Json.MAPPER.readTree(call.input() == null || call.input().isBlank() ? "{}" : call.input());
        } catch (IOException e) {
            return new ToolOutput("failed to parse tool_search arguments: " + e.getMessage(), false);
        }
        String query = a.path("query").asText("");
        int limit = a.path("limit").isNumber() && a.path("limit").asInt() > 0 ? a.path("limit").asInt() : DEFAULT_LIMIT;
        List<ToolHandler> found = search(registry.namespaced(), query, limit);
        Map<String, ObjectNode> byNamespace = new LinkedHashMap<>();
        for (ToolHandler h : found) {
            String ns = h.namespace();
            ObjectNode group = byNamespace.computeIfAbsent(ns, k -> {
                ObjectNode g = Json.object().put("type", "namespace").put("name", k)
                        .put("description", "The tools of MCP server " + k.substring("mcp__".length()) + ".");
                g.putArray("tools");
                return g;
            });
            ObjectNode spec = h.spec().deepCopy();
            spec.put("name", h.name().substring(ns.length() + 2)); // called as namespace + this name
            spec.put("defer_loading", true);
            group.withArray("tools").add(spec);
        }
        return new ToolOutput("", true, new ArrayList<>(byNamespace.values()));
    }

    /** BM25 over each tool's namespace, name and description; the best {@code limit} with any match. */
    static List<ToolHandler> search(List<ToolHandler> tools, String query, int limit) {
        List<String> terms = tokens(query);
        if (terms.isEmpty() || tools.isEmpty()) return List.of();
        List<List<String>> docs = new ArrayList<>();
        for (ToolHandler h : tools) {
            String text = h.name() + " " + h.spec().path("description").asText("");
            docs.add(tokens(text));
        }
        double avg = docs.stream().mapToInt(List::size).average().orElse(1);
        Map<String, Integer> df = new HashMap<>();
        for (List<String> d : docs) for (String t : d.stream().distinct().toList()) df.merge(t, 1, Integer::sum);
        int n = docs.size();
        List<Map.Entry<ToolHandler, Double>> scored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> d = docs.get(i);
            double score = 0;
            for (String t : terms) {
                int f = 0;
                for (String w : d) if (w.equals(t)) f++;
                if (f == 0) continue;
                int dft = df.getOrDefault(t, 0);
                double idf = Math.log(1 + (n - dft + 0.5) / (dft + 0.5));
                score += idf * (f * (K1 + 1)) / (f + K1 * (1 - B + B * d.size() / avg));
            }
            if (score > 0) scored.add(Map.entry(tools.get(i), score));
        }
        scored.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        return scored.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Lower-case words; names split at _, -, __ and camelCase. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }
}
