package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** marketplace/remove. */
public record MarketplaceRemoveParams(@JsonProperty(required = true) String marketplaceName) {}
