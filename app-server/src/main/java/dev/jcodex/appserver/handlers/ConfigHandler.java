package dev.jcodex.appserver.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.ErrorCodes;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigError;
import dev.jcodex.core.config.ConfigException;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ConfigLocation;
import dev.jcodex.core.config.ConfigTree;
import dev.jcodex.core.config.ConfigWarning;
import dev.jcodex.core.config.ConfigWriter;
import dev.jcodex.core.context.ProjectDocs;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.notification.ConfigWarningNotification;
import dev.jcodex.protocol.v2.ConfigBatchWriteParams;
import dev.jcodex.protocol.v2.ConfigEdit;
import dev.jcodex.protocol.v2.ConfigLayer;
import dev.jcodex.protocol.v2.ConfigLayerMetadata;
import dev.jcodex.protocol.v2.ConfigLayerSource;
import dev.jcodex.protocol.v2.ConfigReadParams;
import dev.jcodex.protocol.v2.ConfigReadResponse;
import dev.jcodex.protocol.v2.ConfigRequirementsReadParams;
import dev.jcodex.protocol.v2.ConfigRequirementsReadResponse;
import dev.jcodex.protocol.v2.PermissionProfileListParams;
import dev.jcodex.protocol.v2.PermissionProfileListResponse;
import dev.jcodex.protocol.v2.ConfigValueWriteParams;
import dev.jcodex.protocol.v2.ConfigWriteResponse;
import dev.jcodex.protocol.v2.MergeStrategy;
import dev.jcodex.protocol.v2.TextPosition;
import dev.jcodex.protocol.v2.TextRange;
import dev.jcodex.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** config/read, config/value/write, config/batchWrite, and the configWarning notifications. */
public final class ConfigHandler {
    private final ConfigLoader loader;

    public ConfigHandler(ConfigLoader loader) { this.loader = loader; }

    public void register(Dispatcher d) {
        d.on(ClientRequests.CONFIG_READ, this::read);
        d.on(ClientRequests.CONFIG_VALUE_WRITE, this::valueWrite);
        d.on(ClientRequests.CONFIG_BATCH_WRITE, this::batchWrite);
        d.on(ClientRequests.CONFIG_REQUIREMENTS_READ, this::requirements);
        d.on(ClientRequests.PERMISSION_PROFILE_LIST, this::permissionProfiles);
    }

    /** jcodex reads no requirements.toml or MDM layer: nothing constrains what a client may select. */
    ConfigRequirementsReadResponse requirements(JsonRpcConnection conn, ConfigRequirementsReadParams p) {
        return new ConfigRequirementsReadResponse(null, null);
    }

    /**
     * The permission profiles jcodex can run under: the three built-in ones, which are its sandbox modes
     * (read-only, workspace-write, danger-full-access), under the ids Codex gives them. jcodex has no
     * user-defined {@code [permissions.*]} profiles and no requirements, so all three are allowed.
     */
    static final List<String> BUILTIN_PERMISSION_PROFILES = List.of(":read-only", ":workspace", ":danger-full-access");

    PermissionProfileListResponse permissionProfiles(JsonRpcConnection conn, PermissionProfileListParams p) {
        if (p.cwd() != null && !Path.of(p.cwd()).isAbsolute()) {
            throw RpcException.invalidParams("permissionProfile/list: `cwd` must be an absolute path: " + p.cwd());
        }
        if (p.limit() != null && p.limit() < 0) throw RpcException.invalidParams("permissionProfile/list: `limit` must be >= 0");
        List<PermissionProfileListResponse.PermissionProfileSummary> all = new ArrayList<>();
        for (String id : BUILTIN_PERMISSION_PROFILES) all.add(new PermissionProfileListResponse.PermissionProfileSummary(id, null, true));
        int start = 0;
        if (p.cursor() != null) {
            try {
                start = Integer.parseInt(p.cursor());
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > all.size()) {
                throw RpcException.invalidParams("permissionProfile/list: invalid `cursor` `" + p.cursor() + "`");
            }
        }
        int limit = p.limit() == null || p.limit() == 0 ? all.size() : p.limit();
        int end = Math.min(all.size(), start + limit);
        return new PermissionProfileListResponse(List.copyOf(all.subList(start, end)),
                end < all.size() ? Integer.toString(end) : null);
    }

    /** Writes one key of the user config.toml (modelProvider/default/set). */
    ConfigWriteResponse writeUserValue(String keyPath, Object value) {
        return write(null, List.of(new ConfigEdit(keyPath, value, MergeStrategy.REPLACE)), null);
    }

    /**
     * Sends each warning of the daemon's config to {@code conn} (after its initialize result), and each error:
     * a config that cannot be used is reported here, at once, and again by every request that needs it
     * (thread/start answers -32600 {@code failed to load configuration: file:line:col: ...}), as in Codex.
     */
    public void sendWarnings(JsonRpcConnection conn) {
        Config c = loader.inspect(null);
        if (!c.errors().isEmpty()) System.err.println("jcodex: " + new ConfigException(c.errors()).render());
        for (ConfigError e : c.errors()) {
            ConfigLocation at = e.where();
            conn.sendNotification("configWarning", new ConfigWarningNotification(
                    "Invalid configuration; threads will not start until it is fixed.", e.toString(),
                    at == null || at.file() == null ? null : at.file().toString(), range(at == null ? null : at.line(),
                    at == null ? null : at.column())));
        }
        for (ConfigWarning w : c.configWarnings()) {
            conn.sendNotification("configWarning", new ConfigWarningNotification(w.summary(), w.details(),
                    w.file() == null ? null : w.file().toString(), range(w.line(), w.column())));
        }
        sendSandboxWarning(conn);
    }

    /**
     * When the sandbox runs on a fallback (user namespaces refused, e.g. by Ubuntu's AppArmor restriction), says
     * once per connection what sandboxed commands lack. Off the handshake's thread: detection probes the kernel
     * (a few ms, once per process) and the reply to initialize must not wait for it.
     */
    private static void sendSandboxWarning(JsonRpcConnection conn) {
        Thread.ofPlatform().daemon().name("jcodex-sandbox-warning").start(() -> {
            Sandbox s = Sandbox.system();
            s.unavailableReason().ifPresent(why -> conn.sendNotification("configWarning",
                    new ConfigWarningNotification(switch (s.mechanism()) {
                        case NAMESPACES -> "Sandbox: namespaces without Landlock and seccomp inside";
                        case LANDLOCK_SECCOMP -> "Sandbox fallback: Landlock + seccomp without namespaces";
                        case BUBBLEWRAP -> "Sandbox fallback: bubblewrap";
                        case NONE -> "No sandbox works here: sandboxed commands will be refused";
                    }, why, null, null)));
        });
    }

    private static TextRange range(Integer line, Integer column) {
        if (line == null) return null;
        TextPosition p = new TextPosition(line, column == null ? 1 : column);
        return new TextRange(p, p);
    }

    ConfigReadResponse read(JsonRpcConnection conn, ConfigReadParams p) {
        Path cwd = null;
        if (p.cwd() != null) {
            cwd = Path.of(p.cwd());
            if (!cwd.isAbsolute()) throw RpcException.invalidParams("config/read: cwd must be an absolute path: " + p.cwd());
        }
        Config c = loader.load(cwd, null);
        Map<String, Object> effective = withDefaults(c);
        Map<String, ConfigLayerMetadata> origins = new LinkedHashMap<>();
        c.origins().forEach((k, l) -> {
            if (ConfigTree.get(c.tree(), k) != null) origins.put(k, new ConfigLayerMetadata(source(l), l.version()));
        });
        List<ConfigLayer> layers = null;
        if (Boolean.TRUE.equals(p.includeLayers())) {
            layers = new ArrayList<>();
            for (dev.jcodex.core.config.ConfigLayer l : c.layers().reversed()) {
                layers.add(new ConfigLayer(source(l), l.version(), l.tree(), l.disabledReason()));
            }
        }
        return new ConfigReadResponse(effective, origins, layers);
    }

    /** The effective tree plus the defaults of keys clients commonly read, so they need no fallback logic. */
    private static Map<String, Object> withDefaults(Config c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", c.model());
        out.put("model_provider", c.modelProviderId());
        out.put("approval_policy", c.approvalPolicy());
        out.put("sandbox_mode", c.sandboxMode());
        out.put("model_reasoning_effort", c.reasoningEffort());
        out.put("model_reasoning_summary", c.reasoningSummary());
        out.put("model_context_window", null);
        out.put("model_auto_compact_token_limit", null);
        out.put("profile", null);
        out.put("instructions", null);
        out.put("developer_instructions", null);
        out.put("notify", null);
        out.put("project_doc_max_bytes", ProjectDocs.DEFAULT_MAX_BYTES);
        out.put("project_doc_fallback_filenames", List.of());
        out.put("project_root_markers", List.of(".git"));
        out.put("model_providers", Map.of());
        out.put("profiles", Map.of());
        out.put("mcp_servers", Map.of());
        out.putAll(c.tree());
        return out;
    }

    static ConfigLayerSource source(dev.jcodex.core.config.ConfigLayer l) {
        return switch (l.type()) {
            case "system" -> new ConfigLayerSource.System(l.file().toString());
            case "user" -> new ConfigLayerSource.User(l.file().toString(), l.profile());
            case "project" -> new ConfigLayerSource.Project(l.dotCodexFolder().toString());
            default -> new ConfigLayerSource.SessionFlags();
        };
    }

    ConfigWriteResponse valueWrite(JsonRpcConnection conn, ConfigValueWriteParams p) {
        return write(p.filePath(), List.of(new ConfigEdit(p.keyPath(), p.value(), p.mergeStrategy())), p.expectedVersion());
    }

    ConfigWriteResponse batchWrite(JsonRpcConnection conn, ConfigBatchWriteParams p) {
        return write(p.filePath(), p.edits(), p.expectedVersion());
    }

    private ConfigWriteResponse write(String filePath, List<ConfigEdit> edits, String expectedVersion) {
        Path target = loader.userConfigFile().toAbsolutePath().normalize();
        if (filePath != null && !Path.of(filePath).toAbsolutePath().normalize().equals(target)) {
            throw writeError("configLayerReadonly", "only the user config " + target + " can be written, not " + filePath);
        }
        List<ConfigWriter.Edit> core = new ArrayList<>();
        for (ConfigEdit e : edits) {
            if (e == null || e.keyPath() == null) throw RpcException.invalidParams("missing field `keyPath`");
            core.add(new ConfigWriter.Edit(e.keyPath(), toJava(e.value()),
                    e.mergeStrategy() == MergeStrategy.REPLACE));
        }
        ConfigWriter.Result r;
        try {
            r = ConfigWriter.write(target, core, expectedVersion);
        } catch (ConfigWriter.WriteException e) {
            throw writeError(e.code(), e.getMessage());
        }
        ConfigWriteResponse.OverriddenMetadata overridden = overridden(edits);
        return new ConfigWriteResponse(overridden == null ? "ok" : "okOverridden", r.version(), r.file().toString(),
                overridden);
    }

    /** When a layer above the user file (e.g. -c flags) still decides an edited key, say which one. */
    private ConfigWriteResponse.OverriddenMetadata overridden(List<ConfigEdit> edits) {
        Config c = loader.inspect(null); // the write happened; a still-broken config is reported elsewhere
        for (ConfigEdit e : edits) {
            if (e.value() == null) continue;
            var layer = c.origins().get(e.keyPath());
            if (layer == null || layer.type().equals("user") || layer.type().equals("system")) continue;
            Object effective = ConfigTree.get(c.tree(), e.keyPath());
            JsonNode eff = ProtocolJson.MAPPER.valueToTree(effective);
            if (eff.toString().equals(ProtocolJson.MAPPER.valueToTree(e.value()).toString())) continue;
            return new ConfigWriteResponse.OverriddenMetadata("`" + e.keyPath() + "` is overridden by "
                    + layer.type() + " configuration", new ConfigLayerMetadata(source(layer), layer.version()), effective);
        }
        return null;
    }

    /** Wire values arrive as Map/List/String/Number/Boolean/null, which is what the editor writes. */
    private static Object toJava(Object v) { return v; }

    private static RpcException writeError(String code, String message) {
        return new RpcException(ErrorCodes.INVALID_REQUEST, message, Map.of("config_write_error_code", code));
    }
}
