package dev.jcodex.core.model;

import dev.jcodex.core.config.ModelProviderInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Picks the client for a provider's wire API. */
public final class ModelClients {
    private ModelClients() {}

    public static ModelClient forProvider(ModelProviderInfo p, Map<String, String> headers) {
        return switch (p.wireApi() == null ? "responses" : p.wireApi()) {
            case "responses" -> new ResponsesClient(p, headers);
            case "chat" -> new ChatCompletionsClient(p, headers);
            case "offline" -> {
                try {
                    String delay = System.getenv("JCODEX_OFFLINE_DELTA_DELAY_MS");
                    yield new OfflineModel(p.script() == null ? null : Path.of(p.script()),
                            delay == null ? 0 : Long.parseLong(delay));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read offline model script " + p.script(), e);
                }
            }
            default -> throw new IllegalArgumentException("model provider `" + p.id() + "` has wire_api `"
                    + p.wireApi() + "`; supported: responses, chat, offline");
        };
    }
}
