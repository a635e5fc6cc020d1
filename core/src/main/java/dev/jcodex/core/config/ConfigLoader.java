package dev.jcodex.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Builds the effective config the way Codex layers it: system file < user file (+ selected profile) <
 * session flags ({@code -c key=value}) < per-thread overrides. A file that does not parse becomes a warning,
 * never a crash.
 */
public final class ConfigLoader {
    public static final Path SYSTEM_CONFIG = Path.of("/etc/codex/config.toml");

    private final Path codexHome;
    private final List<String> cliOverrides;
    private final String profile;

    public ConfigLoader(Path codexHome, List<String> cliOverrides, String profile) {
        this.codexHome = codexHome;
        this.cliOverrides = List.copyOf(cliOverrides);
        this.profile = profile;
    }

    public Path codexHome() { return codexHome; }

    public Path userConfigFile() { return codexHome.resolve("config.toml"); }

    /** Loads all layers, then applies {@code threadOverrides} (dotted keys → JSON-ish values) on top. */
    @SuppressWarnings("unchecked")
    public Config load(Map<String, Object> threadOverrides) {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> tree = new LinkedHashMap<>();
        ConfigTree.mergeInto(tree, readFile(SYSTEM_CONFIG, warnings));
        Map<String, Object> user = readFile(userConfigFile(), warnings);
        ConfigTree.mergeInto(tree, user);

        Map<String, Object> flags = new LinkedHashMap<>();
        for (String o : cliOverrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                warnings.add("ignored -c " + o + ": expected key=value");
                continue;
            }
            ConfigTree.setPath(flags, o.substring(0, eq).trim(), ConfigTree.parseOverrideValue(o.substring(eq + 1).trim()));
        }
        String selected = profile != null ? profile
                : flags.get("profile") instanceof String s ? s
                : tree.get("profile") instanceof String s2 ? s2 : null;
        if (selected != null) {
            Object p = ConfigTree.get(tree, "profiles." + quoteIfNeeded(selected));
            if (p instanceof Map<?, ?> m) ConfigTree.mergeInto(tree, (Map<String, Object>) m);
            else warnings.add("profile `" + selected + "` is not defined in config.toml");
        }
        ConfigTree.mergeInto(tree, flags);
        if (threadOverrides != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            threadOverrides.forEach((k, v) -> ConfigTree.setPath(t, k, v));
            ConfigTree.mergeInto(tree, t);
        }
        return new Config(tree, warnings, codexHome);
    }

    private static String quoteIfNeeded(String key) {
        return key.contains(".") ? "\"" + key + "\"" : key;
    }

    private static Map<String, Object> readFile(Path file, List<String> warnings) {
        if (!Files.isRegularFile(file)) return Map.of();
        try {
            TomlParseResult r = Toml.parse(file);
            if (r.hasErrors()) {
                warnings.add("could not parse " + file + ": " + r.errors().getFirst().toString());
                return Map.of();
            }
            return ConfigTree.fromToml(r);
        } catch (IOException e) {
            warnings.add("could not read " + file + ": " + e.getMessage());
            return Map.of();
        }
    }
}
