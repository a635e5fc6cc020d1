package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex has no apps (connectors), so the element type is not modelled. */
public record AppsListResponse(@JsonProperty(required = true) List<Object> data, String nextCursor) {}
