package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex has no thread sections, so the element type is not modelled. */
public record ThreadSectionListResponse(@JsonProperty(required = true) List<Object> data, String nextCursor) {}
