package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** threadSection/create (desktop sidebar sections; jcodex has none). */
public record ThreadSectionCreateParams(@JsonProperty(required = true) String name, ThreadSectionAppearance appearance) {}
