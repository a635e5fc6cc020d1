package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a review runs: as a turn of the thread itself, or on a new thread of its own. */
public enum ReviewDelivery {
    @JsonProperty("inline") INLINE,
    @JsonProperty("detached") DETACHED
}
