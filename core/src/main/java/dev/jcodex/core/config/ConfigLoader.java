package dev.jcodex.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Builds the effective config the way Codex layers it, lowest first: built-in defaults < system file
 * ({@code /etc/codex/config.toml}) < user file ({@code CODEX_HOME/config.toml}, with the selected
 * {@code [profiles.x]} overlaid) < {@code .codex/config.toml} of each directory from the project root down
 * to cwd (only for trusted projects) < session flags ({@code -c key=value}) < per-thread overrides.
 * A file that does not parse and a value that is invalid become warnings, never a crash.
 */
public final class ConfigLoader {
    public static final Path SYSTEM_CONFIG = Path.of("/etc/codex/config.toml");

    private final Path codexHome;
    private final List<String> cliOverrides;
    private final String profile;
    private final Path systemConfig;

    public ConfigLoader(Path codexHome, List<String> cliOverrides, String profile) {
        this(codexHome, cliOverrides, profile, defaultSystemConfig());
    }

    public ConfigLoader(Path codexHome, List<String> cliOverrides, String profile, Path systemConfig) {
        this.codexHome = codexHome;
        this.cliOverrides = List.copyOf(cliOverrides);
        this.profile = profile;
        this.systemConfig = systemConfig;
    }

    /** {@code JCODEX_SYSTEM_CONFIG} relocates the system layer (packaging and tests); else /etc/codex. */
    private static Path defaultSystemConfig() {
        String env = System.getenv("JCODEX_SYSTEM_CONFIG");
        return env == null || env.isBlank() ? SYSTEM_CONFIG : Path.of(env);
    }

    public Path codexHome() { return codexHome; }

    public Path userConfigFile() { return codexHome.resolve("config.toml"); }

    public Path systemConfigFile() { return systemConfig; }

    /** All layers without project config, then {@code threadOverrides} (dotted keys → values) on top. */
    public Config load(Map<String, Object> threadOverrides) { return load(null, threadOverrides); }

    /** All layers as seen from {@code cwd} (null: no project layers), then {@code threadOverrides}. */
    @SuppressWarnings("unchecked")
    public Config load(Path cwd, Map<String, Object> threadOverrides) {
        List<ConfigWarning> warnings = new ArrayList<>();
        List<ConfigLayer> layers = new ArrayList<>();

        Map<String, Object> system = readFile(systemConfig, warnings);
        layers.add(new ConfigLayer("system", systemConfig, null, null, FileVersion.of(systemConfig), system, null));

        Map<String, Object> flags = new LinkedHashMap<>();
        for (String o : cliOverrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                warnings.add(new ConfigWarning("Ignored -c " + o + ": expected key=value", null, null));
                continue;
            }
            ConfigTree.setPath(flags, o.substring(0, eq).trim(), ConfigTree.parseOverrideValue(o.substring(eq + 1).trim()));
        }

        Path userFile = userConfigFile();
        Map<String, Object> user = readFile(userFile, warnings);
        Map<String, Object> lower = new LinkedHashMap<>();
        ConfigTree.mergeInto(lower, system);
        ConfigTree.mergeInto(lower, user);
        String selected = profile != null ? profile
                : flags.get("profile") instanceof String s ? s
                : lower.get("profile") instanceof String s2 ? s2 : null;
        Map<String, Object> userEffective = ConfigTree.deepCopy(user);
        if (selected != null) {
            if (lower.get("profiles") instanceof Map<?, ?> profiles && profiles.get(selected) instanceof Map<?, ?> p) {
                ConfigTree.mergeInto(userEffective, ConfigTree.deepCopy((Map<String, Object>) p));
            } else {
                warnings.add(new ConfigWarning("Profile `" + selected + "` is not defined in " + userFile,
                        "profile: no [profiles." + TomlEditor.key(selected) + "] table", userFile));
            }
        }
        layers.add(new ConfigLayer("user", userFile, selected, null, FileVersion.of(userFile), userEffective, null));

        if (cwd != null) {
            Map<String, Object> trustSource = new LinkedHashMap<>(lower);
            ConfigTree.mergeInto(trustSource, flags);
            layers.addAll(projectLayers(cwd, trustSource, warnings));
        }
        if (!cliOverrides.isEmpty()) {
            byte[] canon = String.join("\n", cliOverrides).getBytes(StandardCharsets.UTF_8);
            layers.add(new ConfigLayer("sessionFlags", null, null, null, FileVersion.of(canon), flags, null));
        }

        Map<String, Object> tree = new LinkedHashMap<>();
        Map<String, ConfigLayer> origins = new LinkedHashMap<>();
        for (ConfigLayer l : layers) {
            if (!l.enabled()) continue;
            ConfigTree.mergeInto(tree, ConfigTree.deepCopy(l.tree()));
            ConfigTree.leaves(l.tree(), "", (k, v) -> {
                origins.keySet().removeIf(old -> old.startsWith(k + ".")); // a value replaced a whole table
                origins.put(k, l);
            });
        }
        if (threadOverrides != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            threadOverrides.forEach((k, v) -> ConfigTree.setPath(t, k, v));
            ConfigTree.mergeInto(tree, t);
        }
        warnings.addAll(ConfigValidator.validate(tree, key -> {
            ConfigLayer l = origins.get(key);
            return l == null ? null : l.file() != null ? l.file()
                    : l.dotCodexFolder() != null ? l.dotCodexFolder().resolve("config.toml") : null;
        }));
        return new Config(tree, warnings, codexHome, layers, origins);
    }

    /**
     * {@code .codex/config.toml} of each directory from the project root (the nearest ancestor holding a
     * root marker, {@code .git} by default) down to cwd. A project that is not trusted gets its layers listed
     * but disabled, with a warning, as Codex does.
     */
    private List<ConfigLayer> projectLayers(Path cwd, Map<String, Object> lower, List<ConfigWarning> warnings) {
        Path dir = cwd.toAbsolutePath().normalize();
        List<String> markers = new ArrayList<>();
        if (lower.get("project_root_markers") instanceof List<?> l) for (Object o : l) markers.add(String.valueOf(o));
        else markers.add(".git");
        Path root = ProjectRoot.find(dir, markers);
        List<Path> dirs = new ArrayList<>();
        for (Path p = dir; p != null; p = p.getParent()) {
            dirs.addFirst(p);
            if (p.equals(root)) break;
        }
        if (root == null) dirs = List.of(dir);
        boolean trusted = trust(lower, dir) || (root != null && trust(lower, root));
        List<ConfigLayer> out = new ArrayList<>();
        for (Path d : dirs) {
            Path folder = d.resolve(".codex");
            Path file = folder.resolve("config.toml");
            if (!Files.isRegularFile(file) || folder.normalize().equals(codexHome.normalize())) continue;
            String reason = null;
            Map<String, Object> tree;
            if (trusted) {
                tree = readFile(file, warnings);
            } else {
                reason = "project config is ignored until the project is trusted: set [projects."
                        + TomlEditor.quote((root != null ? root : dir).toString()) + "] trust_level = \"trusted\"";
                warnings.add(new ConfigWarning("Project config " + file + " was not loaded because the project is not "
                        + "trusted.", reason, file));
                tree = readFile(file, new ArrayList<>());
            }
            out.add(new ConfigLayer("project", null, null, folder, FileVersion.of(file), tree, reason));
        }
        return out;
    }

    private static boolean trust(Map<String, Object> tree, Path dir) {
        if (tree.get("projects") instanceof Map<?, ?> projects && projects.get(dir.toString()) instanceof Map<?, ?> p) {
            return "trusted".equals(p.get("trust_level"));
        }
        return false;
    }

    private static Map<String, Object> readFile(Path file, List<ConfigWarning> warnings) {
        if (file == null || !Files.isRegularFile(file)) return Map.of();
        try {
            TomlParseResult r = Toml.parse(file);
            if (r.hasErrors()) {
                var err = r.errors().getFirst();
                warnings.add(new ConfigWarning("Could not parse " + file + "; the file is ignored.",
                        err.toString(), file));
                return Map.of();
            }
            return ConfigTree.fromToml(r);
        } catch (IOException e) {
            warnings.add(new ConfigWarning("Could not read " + file, String.valueOf(e.getMessage()), file));
            return Map.of();
        }
    }
}
