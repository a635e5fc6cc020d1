package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex has no plugins, so the element types are not modelled. */
public record PluginInstalledResponse(@JsonProperty(required = true) List<Object> marketplaces, List<Object> marketplaceLoadErrors) {}
