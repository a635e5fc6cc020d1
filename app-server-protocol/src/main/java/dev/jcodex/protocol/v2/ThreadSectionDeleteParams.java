package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** threadSection/delete. */
public record ThreadSectionDeleteParams(@JsonProperty(required = true) String sectionId) {}
