package dev.jcodex.protocol.v2;

import java.util.Map;

/** One layer as config/read shows it with includeLayers; {@code disabledReason} set when it is not applied. */
public record ConfigLayer(ConfigLayerSource name, String version, Map<String, Object> config, String disabledReason) {}
