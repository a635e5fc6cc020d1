package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.AppsInstalledResponse;
import dev.jcodex.protocol.v2.AppsListResponse;
import dev.jcodex.protocol.v2.AppsReadResponse;
import dev.jcodex.protocol.v2.MarketplaceUpgradeResponse;
import dev.jcodex.protocol.v2.PluginInstalledResponse;
import dev.jcodex.protocol.v2.PluginListResponse;
import dev.jcodex.protocol.v2.PluginReconcileResponse;
import dev.jcodex.protocol.v2.PluginShareListResponse;
import java.util.List;

/**
 * Codex's plugin ecosystem: plugins, plugin marketplaces and ChatGPT apps (connectors), tier C. jcodex has none:
 * the lists are empty (no marketplace configured, so no load errors either), reconciling or upgrading everything
 * changes nothing, every app asked for is missing, and installing, reading or sharing a named plugin or adding a
 * marketplace is refused with -32600 naming the feature.
 */
public final class PluginsHandler {
    static final String PLUGINS = "plugins";
    static final String MARKETPLACES = "plugin marketplaces";

    public void register(Dispatcher d) {
        d.on(ClientRequests.PLUGIN_LIST, (c, p) -> {
            AbsentFeature.absolute("plugin/list", "cwds", p.cwds());
            return new PluginListResponse(List.of(), List.of(), List.of());
        });
        d.on(ClientRequests.PLUGIN_INSTALLED, (c, p) -> {
            AbsentFeature.absolute("plugin/installed", "cwds", p.cwds());
            return new PluginInstalledResponse(List.of(), List.of());
        });
        d.on(ClientRequests.PLUGIN_RECONCILE, (c, p) -> new PluginReconcileResponse(List.of(), List.of(), List.of()));
        d.on(ClientRequests.PLUGIN_SHARE_LIST, (c, p) -> new PluginShareListResponse(List.of()));
        d.on(ClientRequests.PLUGIN_READ, (c, p) -> { throw AbsentFeature.error("plugin/read", PLUGINS); });
        d.on(ClientRequests.PLUGIN_INSTALL, (c, p) -> { throw AbsentFeature.error("plugin/install", PLUGINS); });
        d.on(ClientRequests.PLUGIN_UNINSTALL, (c, p) -> { throw AbsentFeature.error("plugin/uninstall", PLUGINS); });
        d.on(ClientRequests.PLUGIN_SKILL_READ, (c, p) -> { throw AbsentFeature.error("plugin/skill/read", PLUGINS); });
        d.on(ClientRequests.PLUGIN_SHARE_SAVE, (c, p) -> { throw AbsentFeature.error("plugin/share/save", PLUGINS); });
        d.on(ClientRequests.PLUGIN_SHARE_UPDATE_TARGETS, (c, p) -> {
            throw AbsentFeature.error("plugin/share/updateTargets", PLUGINS);
        });
        d.on(ClientRequests.PLUGIN_SHARE_CHECKOUT, (c, p) -> { throw AbsentFeature.error("plugin/share/checkout", PLUGINS); });
        d.on(ClientRequests.PLUGIN_SHARE_DELETE, (c, p) -> { throw AbsentFeature.error("plugin/share/delete", PLUGINS); });
        d.on(ClientRequests.MARKETPLACE_ADD, (c, p) -> { throw AbsentFeature.error("marketplace/add", MARKETPLACES); });
        d.on(ClientRequests.MARKETPLACE_REMOVE, (c, p) -> { throw AbsentFeature.error("marketplace/remove", MARKETPLACES); });
        d.on(ClientRequests.MARKETPLACE_UPGRADE, (c, p) -> {
            // Upgrading all of none is a true empty result; upgrading a named one names one that does not exist.
            if (p.marketplaceName() != null) throw AbsentFeature.error("marketplace/upgrade", MARKETPLACES);
            return new MarketplaceUpgradeResponse(List.of(), List.of(), List.of());
        });
        d.on(ClientRequests.APP_LIST, (c, p) -> {
            AbsentFeature.noCursor("app/list", p.cursor());
            AbsentFeature.nonNegative("app/list", "limit", p.limit());
            return new AppsListResponse(List.of(), null);
        });
        d.on(ClientRequests.APP_INSTALLED, (c, p) -> new AppsInstalledResponse(List.of()));
        d.on(ClientRequests.APP_READ, (c, p) -> new AppsReadResponse(List.of(), List.copyOf(p.appIds())));
    }
}
