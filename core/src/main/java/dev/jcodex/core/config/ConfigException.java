package dev.jcodex.core.config;

import java.util.List;

/**
 * Thrown by {@link ConfigLoader#load} when the config has {@link ConfigError}s. An {@link IllegalStateException}
 * because the request is fine and the daemon's state is not: the app-server answers it with -32600
 * {@code failed to load configuration: file:line:col: ...}, as Codex does.
 */
public final class ConfigException extends IllegalStateException {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super("failed to load configuration: " + errors.getFirst()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problem" + (errors.size() > 2 ? "s" : "") + ")" : ""));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() { return errors; }

    /** What a command line prints before exiting 1: every error, each with its excerpt. */
    public String render() {
        StringBuilder sb = new StringBuilder("Error loading config.toml:");
        for (ConfigError e : errors) sb.append('\n').append(e.render());
        return sb.toString();
    }
}
