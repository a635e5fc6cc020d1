package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much of a turn's items a Turn carries: none, the summary (its user message and its final agent
 * message), or all of them.
 */
public enum TurnItemsView {
    @JsonProperty("notLoaded") NOT_LOADED,
    @JsonProperty("summary") SUMMARY,
    @JsonProperty("full") FULL
}
