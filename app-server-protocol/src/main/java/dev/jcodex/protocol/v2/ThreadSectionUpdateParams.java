package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** threadSection/update. */
public record ThreadSectionUpdateParams(@JsonProperty(required = true) String sectionId, @JsonProperty(required = true) String name, ThreadSectionAppearance appearance) {}
