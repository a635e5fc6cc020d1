package dev.jcodex.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration: the merged tree plus typed accessors for the keys the engine reads.
 * Unknown keys stay in the tree untouched (a Codex config.toml must load unchanged).
 */
public final class Config {
    public static final String DEFAULT_MODEL = "gpt-5.5";
    public static final String OFFLINE_PROVIDER = "offline";

    private final Map<String, Object> tree;
    private final List<ConfigWarning> warnings;
    private final List<ConfigError> errors;
    private final Path codexHome;
    private final List<ConfigLayer> layers;
    private final Map<String, ConfigLayer> origins;

    public Config(Map<String, Object> tree, List<ConfigWarning> warnings, Path codexHome, List<ConfigLayer> layers,
                  Map<String, ConfigLayer> origins) {
        this(tree, warnings, List.of(), codexHome, layers, origins);
    }

    public Config(Map<String, Object> tree, List<ConfigWarning> warnings, List<ConfigError> errors, Path codexHome,
                  List<ConfigLayer> layers, Map<String, ConfigLayer> origins) {
        this.tree = tree;
        this.warnings = List.copyOf(warnings);
        this.errors = List.copyOf(errors);
        this.codexHome = codexHome;
        this.layers = List.copyOf(layers);
        this.origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    public Map<String, Object> tree() { return tree; }
    /** Summaries of {@link #configWarnings()}. */
    public List<String> warnings() { return warnings.stream().map(ConfigWarning::summary).toList(); }
    public List<ConfigWarning> configWarnings() { return warnings; }
    /** What makes this config unusable (only a {@link ConfigLoader#inspect} result can have any). */
    public List<ConfigError> errors() { return errors; }
    public Path codexHome() { return codexHome; }
    /** The layers, lowest precedence first (disabled ones included). */
    public List<ConfigLayer> layers() { return layers; }
    /** For each leaf key (dotted), the layer its effective value came from. */
    public Map<String, ConfigLayer> origins() { return origins; }

    public Object get(String dottedKey) { return ConfigTree.get(tree, dottedKey); }

    public String string(String key, String dflt) {
        Object v = get(key);
        return v == null ? dflt : v.toString();
    }

    public long number(String key, long dflt) {
        Object v = get(key);
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            try { return Long.parseLong(s.trim()); } catch (NumberFormatException ignored) { }
        }
        return dflt;
    }

    public boolean bool(String key, boolean dflt) {
        Object v = get(key);
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return Boolean.parseBoolean(s);
        return dflt;
    }

    public String model() { return string("model", DEFAULT_MODEL); }
    public String modelProviderId() { return string("model_provider", "openai"); }
    public String approvalPolicy() { return string("approval_policy", "on-request"); }
    public String sandboxMode() { return string("sandbox_mode", "read-only"); }
    public String reasoningEffort() { return string("model_reasoning_effort", null); }
    public String reasoningSummary() { return string("model_reasoning_summary", null); }

    public ModelProviderInfo provider(String id) {
        Map<String, ModelProviderInfo> all = providers();
        ModelProviderInfo p = all.get(id);
        if (p == null) throw new IllegalArgumentException("unknown model provider `" + id
                + "`: define [model_providers." + id + "] in config.toml (known: " + String.join(", ", all.keySet()) + ")");
        return p;
    }

    public ModelProviderInfo activeProvider() { return provider(modelProviderId()); }

    /** Built-in providers overlaid by {@code [model_providers.*]}. */
    @SuppressWarnings("unchecked")
    public Map<String, ModelProviderInfo> providers() {
        Map<String, ModelProviderInfo> out = new LinkedHashMap<>(BuiltinProviders.all());
        // top-level openai_base_url (what @openai/codex-sdk passes for its baseUrl option) moves the built-in
        if (get("openai_base_url") instanceof String url && !url.isBlank()) {
            out.put("openai", out.get("openai").withBaseUrl(url));
        }
        if (get("model_providers") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> table) {
                    String id = e.getKey().toString();
                    out.put(id, BuiltinProviders.fromTable(id, (Map<String, Object>) table, out.get(id)));
                }
            }
        }
        return out;
    }
}
