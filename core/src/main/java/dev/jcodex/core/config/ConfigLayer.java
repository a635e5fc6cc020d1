package dev.jcodex.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One source of configuration, as {@code config/read} reports it. {@code type} is the wire spelling
 * (system, user, project, sessionFlags); {@code version} is {@code sha256:<hex>} of the file (or of the
 * flags); a layer with a {@code disabledReason} (an untrusted project) is shown but not applied.
 */
public record ConfigLayer(String type, Path file, String profile, Path dotCodexFolder, String version,
                          Map<String, Object> tree, String disabledReason) {
    public boolean enabled() { return disabledReason == null; }
}
