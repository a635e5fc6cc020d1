package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.model.ModelCatalog;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.ConfigWriteResponse;
import dev.jcodex.protocol.v2.ModelInfo;
import dev.jcodex.protocol.v2.ModelProviderDefaultSetParams;
import dev.jcodex.protocol.v2.ModelListParams;
import dev.jcodex.protocol.v2.ModelListResponse;
import java.util.ArrayList;
import java.util.List;

/** model/list: the provider's /models or the bundled catalog, paged by an index cursor. */
public final class ModelHandler {
    private final ConfigLoader loader;
    private final ConfigHandler config;

    public ModelHandler(ConfigLoader loader, ConfigHandler config) {
        this.loader = loader;
        this.config = config;
    }

    public void register(Dispatcher d) {
        d.onAsync(ClientRequests.MODEL_LIST, this::list);
        d.on(ClientRequests.MODEL_PROVIDER_DEFAULT_SET, this::setDefaultProvider);
    }

    /**
     * Sets {@code model_provider} in the user config.toml, as Codex does: new threads and model/list without a
     * modelProvider use it from then on (each reads the config afresh); running threads keep theirs.
     */
    ConfigWriteResponse setDefaultProvider(JsonRpcConnection conn, ModelProviderDefaultSetParams p) {
        if (p.providerId() == null || p.providerId().isBlank()) throw RpcException.invalidParams("missing field `providerId`");
        var known = loader.load(null).providers().keySet();
        if (!known.contains(p.providerId())) {
            throw new RpcException(dev.jcodex.appserver.rpc.ErrorCodes.INVALID_PARAMS, "modelProvider/default/set: `providerId`: model provider `"
                    + p.providerId() + "` is not configured (known: " + String.join(", ", known) + ")",
                    java.util.Map.of("config_write_error_code", "configValidationError"));
        }
        return config.writeUserValue("model_provider", p.providerId());
    }

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
