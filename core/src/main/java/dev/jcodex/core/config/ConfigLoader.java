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
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * Builds the effective config the way Codex layers it, lowest first: built-in defaults < system file
 * ({@code /etc/codex/config.toml}) < user file ({@code CODEX_HOME/config.toml}, with the selected
 * {@code [profiles.x]} overlaid) < {@code .codex/config.toml} of each directory from the project root down
 * to cwd (only for trusted projects) < session flags ({@code -c key=value}) < per-thread overrides.
 * A file that does not parse and a value that is invalid are {@link ConfigError}s: {@link #load} throws them
 * (nothing may run on a config that was not understood: falling back to the defaults would send the prompt to
 * the default provider), {@link #inspect} returns them for reporting. Keys the engine does not read are
 * warnings naming file:line (errors with {@code strict}, as Codex's {@code --strict-config}).
 */
public final class ConfigLoader {
    public static final Path SYSTEM_CONFIG = Path.of("/etc/codex/config.toml");
    private static final String THREAD_OVERRIDE = "the thread's config override ";

    private final Path codexHome;
    private final List<String> cliOverrides;
    private final String profile;
    private final Path systemConfig;
    private final boolean strict;

    public ConfigLoader(Path codexHome, List<String> cliOverrides, String profile) {
        this(codexHome, cliOverrides, profile, defaultSystemConfig());
    }

    public ConfigLoader(Path codexHome, List<String> cliOverrides, String profile, Path systemConfig) {
        this(codexHome, cliOverrides, profile, systemConfig, false);
    }

    /** {@code strict}: unknown keys are errors, not warnings ({@code --strict-config}). */
    public ConfigLoader(Path codexHome, List<String> cliOverrides, String profile, Path systemConfig, boolean strict) {
        this.codexHome = codexHome;
        this.cliOverrides = List.copyOf(cliOverrides);
        this.profile = profile;
        this.systemConfig = systemConfig;
        this.strict = strict;
    }

    /** The same loader with unknown keys as errors. */
    public ConfigLoader strict(boolean on) {
        return on == strict ? this : new ConfigLoader(codexHome, cliOverrides, profile, systemConfig, on);
    }

    public boolean strict() { return strict; }

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

    /**
     * All layers as seen from {@code cwd} (null: no project layers), then {@code threadOverrides}.
     * Throws {@link ConfigException} when the config has errors.
     */
    public Config load(Path cwd, Map<String, Object> threadOverrides) {
        Config c = inspect(cwd, threadOverrides);
        if (c.errors().isEmpty()) return c;
        // only the request's own overrides are wrong: that is bad params (-32602), not a broken config
        if (c.errors().stream().allMatch(e -> e.where() != null && e.where().source() != null
                && e.where().source().startsWith(THREAD_OVERRIDE))) {
            throw new IllegalArgumentException("config: " + String.join("; ",
                    c.errors().stream().map(ConfigError::message).toList()));
        }
        throw new ConfigException(c.errors());
    }

    /** {@link #inspect(Path, Map)} without project layers. */
    public Config inspect(Map<String, Object> threadOverrides) { return inspect(null, threadOverrides); }

    /**
     * Like {@link #load(Path, Map)}, but a config with errors is returned (with {@link Config#errors()}), for
     * whoever only reports on it. Nothing may run on such a config.
     */
    @SuppressWarnings("unchecked")
    public Config inspect(Path cwd, Map<String, Object> threadOverrides) {
        List<ConfigWarning> warnings = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        Map<Path, TomlParseResult> parsed = new LinkedHashMap<>();
        List<KeyCheck> checks = new ArrayList<>();
        List<ConfigLayer> layers = new ArrayList<>();

        Map<String, Object> system = readFile(systemConfig, errors, parsed);
        layers.add(new ConfigLayer("system", systemConfig, null, null, FileVersion.of(systemConfig), system, null));
        checks.add(new KeyCheck(system, systemConfig));

        Map<String, Object> flags = new LinkedHashMap<>();
        for (String o : cliOverrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                errors.add(new ConfigError("invalid override (missing '='): expected -c key=value, e.g. -c model=\"o3\"",
                        ConfigLocation.flag(o)));
                continue;
            }
            ConfigTree.setPath(flags, o.substring(0, eq).trim(), ConfigTree.parseOverrideValue(o.substring(eq + 1).trim()));
        }
        checks.add(new KeyCheck(flags, null));

        Path userFile = userConfigFile();
        Map<String, Object> user = readFile(userFile, errors, parsed);
        checks.add(new KeyCheck(user, userFile));
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
            for (ConfigLayer l : projectLayers(cwd, trustSource, warnings, errors, parsed)) {
                layers.add(l);
                if (l.enabled()) checks.add(new KeyCheck(l.tree(), l.dotCodexFolder().resolve("config.toml")));
            }
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
        Map<String, Object> overrides = threadOverrides == null ? Map.of() : threadOverrides;
        ConfigValidator.validate(tree, key -> locate(key, origins.get(key), selected, parsed, overrides),
                selected, warnings, errors);
        unknownKeys(checks, parsed, warnings, errors);
        return new Config(tree, warnings, errors, codexHome, layers, origins);
    }

    /** A layer's own tree, checked for keys the engine does not read; {@code file} null for the -c flags. */
    private record KeyCheck(Map<String, Object> tree, Path file) {}

    /** Where the effective value of {@code key} was written: file:line:col, a -c flag, or the thread's overrides. */
    private static ConfigLocation locate(String key, ConfigLayer layer, String selected, Map<Path, TomlParseResult> parsed,
                                         Map<String, Object> threadOverrides) {
        if (threadOverrides.containsKey(key)) return ConfigLocation.source(THREAD_OVERRIDE + "`" + key + "`");
        if (layer == null) return null; // not a leaf any layer set (e.g. a whole table): no single place
        if (layer.type().equals("sessionFlags")) return ConfigLocation.flag(key);
        Path file = layer.file() != null ? layer.file()
                : layer.dotCodexFolder() != null ? layer.dotCodexFolder().resolve("config.toml") : null;
        return position(file, ConfigTree.splitKey(key), layer.type().equals("user") ? selected : null, parsed);
    }

    static ConfigLocation position(Path file, List<String> path, String profile, Map<Path, TomlParseResult> parsed) {
        if (file == null) return null;
        TomlParseResult r = parsed.get(file);
        TomlPosition pos = null;
        if (r != null) {
            if (profile != null) {
                List<String> inProfile = new ArrayList<>(List.of("profiles", profile));
                inProfile.addAll(path);
                pos = safePosition(r, inProfile);
            }
            if (pos == null) pos = safePosition(r, path);
        }
        return pos == null ? ConfigLocation.of(file, null, null) : ConfigLocation.of(file, pos.line(), pos.column());
    }

    private static TomlPosition safePosition(TomlParseResult r, List<String> path) {
        try {
            return r.inputPositionOf(path);
        } catch (RuntimeException e) {
            return null; // a path through an array or a non-table value
        }
    }

    /**
     * Keys the engine does not read, layer by layer so each names its own file and line. Warned once, with
     * every key listed (Codex's summary line, then one line per key); each is an error when {@link #strict}.
     */
    private void unknownKeys(List<KeyCheck> checks, Map<Path, TomlParseResult> parsed, List<ConfigWarning> warnings,
                             List<ConfigError> errors) {
        List<String> lines = new ArrayList<>();
        List<ConfigLocation> where = new ArrayList<>();
        for (KeyCheck c : checks) {
            for (KnownKeys.Unknown u : KnownKeys.find(c.tree())) {
                ConfigLocation at = c.file() != null ? position(c.file(), u.path(), null, parsed)
                        : ConfigLocation.flag(u.dotted());
                String what = "`" + u.dotted() + "` is ignored" + (u.hint() == null ? "" : "; " + u.hint());
                if (strict) {
                    errors.add(new ConfigError("unknown configuration field `" + u.dotted() + "`"
                            + (u.hint() == null ? "" : "; " + u.hint()), at));
                } else {
                    lines.add(at + ": " + what);
                    where.add(at);
                }
            }
        }
        if (lines.isEmpty()) return;
        int n = lines.size();
        String head = "jcodex is ignoring " + n + " unrecognized configuration setting" + (n == 1 ? "" : "s")
                + ". Check for typos or deprecated settings (--strict-config makes this an error).";
        String body = String.join("\n", lines);
        boolean oneFile = where.stream().map(ConfigLocation::file).distinct().count() == 1 && where.getFirst().file() != null;
        ConfigLocation first = where.getFirst();
        warnings.add(new ConfigWarning(head + "\n  " + String.join("\n  ", lines), body, oneFile ? first.file() : null,
                n == 1 ? first.line() : null, n == 1 ? first.column() : null));
    }

    /**
     * {@code .codex/config.toml} of each directory from the project root (the nearest ancestor holding a
     * root marker, {@code .git} by default) down to cwd. A project that is not trusted gets its layers listed
     * but disabled, with a warning, as Codex does.
     */
    private List<ConfigLayer> projectLayers(Path cwd, Map<String, Object> lower, List<ConfigWarning> warnings,
                                            List<ConfigError> errors, Map<Path, TomlParseResult> parsed) {
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
                tree = readFile(file, errors, parsed);
            } else {
                reason = "project config is ignored until the project is trusted: set [projects."
                        + TomlEditor.quote((root != null ? root : dir).toString()) + "] trust_level = \"trusted\"";
                warnings.add(new ConfigWarning("Project config " + file + " was not loaded because the project is not "
                        + "trusted.", reason, file));
                tree = readFile(file, new ArrayList<>(), new LinkedHashMap<>());
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

    /** A file that exists but does not parse (or cannot be read) is an error: its settings are not known. */
    private static Map<String, Object> readFile(Path file, List<ConfigError> errors, Map<Path, TomlParseResult> parsed) {
        if (file == null || !Files.isRegularFile(file)) return Map.of();
        try {
            TomlParseResult r = Toml.parse(file);
            if (r.hasErrors()) {
                for (TomlParseError err : r.errors()) {
                    TomlPosition p = err.position();
                    errors.add(new ConfigError(message(err) + "; fix the TOML syntax",
                            p == null ? ConfigLocation.of(file, null, null) : ConfigLocation.of(file, p.line(), p.column())));
                }
                return Map.of();
            }
            parsed.put(file, r);
            return ConfigTree.fromToml(r);
        } catch (IOException e) {
            errors.add(new ConfigError("cannot read the file: " + e.getMessage(), ConfigLocation.of(file, null, null)));
            return Map.of();
        }
    }

    /** tomlj's message without its trailing "(line L, column C)": the location is printed in front. */
    private static String message(TomlParseError err) {
        String m = String.valueOf(err.getMessage());
        return m.replaceFirst("\\s*\\(line \\d+, column \\d+\\)\\s*$", "");
    }
}
