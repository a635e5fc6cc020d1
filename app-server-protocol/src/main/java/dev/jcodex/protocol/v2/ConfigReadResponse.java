package dev.jcodex.protocol.v2;

import java.util.List;
import java.util.Map;

/** The effective config (snake_case keys as in config.toml), where each key came from, and the layers (highest first). */
public record ConfigReadResponse(Map<String, Object> config, Map<String, ConfigLayerMetadata> origins,
                                 List<ConfigLayer> layers) {}
