package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** review/start; {@code delivery} defaults to inline. */
public record ReviewStartParams(@JsonProperty(required = true) String threadId,
                                @JsonProperty(required = true) ReviewTarget target,
                                ReviewDelivery delivery) {}
