package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex shares no plugins, so the element type is not modelled. */
public record PluginShareListResponse(@JsonProperty(required = true) List<Object> data) {}
