package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.model.ModelCatalog;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.ModelInfo;
import dev.jcodex.protocol.v2.ModelListParams;
import dev.jcodex.protocol.v2.ModelListResponse;
import java.util.ArrayList;
import java.util.List;

/** model/list: the provider's /models or the bundled catalog, paged by an index cursor. */
public final class ModelHandler {
    private final ConfigLoader loader;

    public ModelHandler(ConfigLoader loader) { this.loader = loader; }

    public void register(Dispatcher d) { d.onAsync(ClientRequests.MODEL_LIST, this::list); }

    ModelListResponse list(JsonRpcConnection conn, ModelListParams p) {
        // Codex answers model/list on a config that cannot be used; so does jcodex, from the bundled catalog only:
        // asking a provider for its models would contact one the config may not name (the default, openai).
        Config c = loader.inspect(null);
        boolean usable = c.errors().isEmpty();
        ModelProviderInfo provider = usable ? c.provider(p.modelProvider() != null ? p.modelProvider() : c.modelProviderId()) : null;
        String configured = usable ? c.model() : null;
        List<ModelInfo> all = new ArrayList<>();
        for (ModelCatalog.Entry e : usable ? ModelCatalog.forProvider(provider, configured) : ModelCatalog.bundled()) {
            if (e.hidden() && !Boolean.TRUE.equals(p.includeHidden())) continue;
            List<ModelInfo.ReasoningEffortOption> efforts = new ArrayList<>();
            for (String eff : e.efforts()) efforts.add(new ModelInfo.ReasoningEffortOption(eff, ModelCatalog.effortDescription(eff)));
            all.add(new ModelInfo(e.slug(), e.slug(), e.displayName(), e.description(), e.hidden(), efforts,
                    e.defaultEffort(), List.of("text", "image"), false, e.upgrade(), e.slug().equals(configured)));
        }
        int start = 0;
        if (p.cursor() != null) {
            try {
                start = Integer.parseInt(p.cursor());
            } catch (NumberFormatException e) {
                throw RpcException.invalidParams("model/list: invalid cursor `" + p.cursor() + "`");
            }
        }
        int limit = p.limit() == null || p.limit() <= 0 ? all.size() : p.limit();
        int end = Math.min(all.size(), start + limit);
        List<ModelInfo> page = start >= all.size() ? List.of() : all.subList(start, end);
        return new ModelListResponse(List.copyOf(page), end < all.size() ? Integer.toString(end) : null);
    }
}
