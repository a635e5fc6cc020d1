package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex has no plugins or marketplaces, so the element types are not modelled. */
public record PluginListResponse(@JsonProperty(required = true) List<Object> marketplaces, List<String> featuredPluginIds, List<Object> marketplaceLoadErrors) {}
