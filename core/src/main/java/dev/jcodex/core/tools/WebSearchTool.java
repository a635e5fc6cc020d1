package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.util.Json;

/**
 * The provider-hosted {@code web_search} tool: the provider runs the search and streams {@code web_search_call}
 * items (shown as webSearch items); jcodex never executes it. Config {@code web_search}: "cached" (the default,
 * no live fetches: {@code external_web_access: false}), "live", or "disabled". Offered as Codex 0.171 offers it
 * on the Responses API, but only to providers that host it: the OpenAI-auth ones, or any Responses provider
 * when the config names a mode explicitly (a local server would reject an unknown tool type).
 */
public final class WebSearchTool implements ToolHandler {
    private final boolean live;

    private WebSearchTool(boolean live) { this.live = live; }

    /** The tool for this config and provider, or null when it is not offered. */
    public static WebSearchTool forProvider(Config config, ModelProviderInfo provider) {
        if (provider == null || !"responses".equals(provider.wireApi())) return null;
        String mode = config.string("web_search", null);
        if ("disabled".equals(mode)) return null;
        if (mode == null && !provider.requiresOpenaiAuth()) return null;
        return new WebSearchTool("live".equals(mode));
    }

    @Override public String name() { return "web_search"; }

    @Override
    public ObjectNode spec() {
        ObjectNode spec = Json.object().put("type", "web_search").put("external_web_access", live);
        spec.putArray("search_content_types").add("text").add("image");
        return spec;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) {
        return new ToolOutput("web_search is run by the model provider, not called as a function", false);
    }
}
