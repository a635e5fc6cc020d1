package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/turns/list: one page of a thread's turns, newest first unless {@code sortDirection} is asc. */
public record ThreadTurnsListParams(@JsonProperty(required = true) String threadId, String cursor, Integer limit,
                                    SortDirection sortDirection, TurnItemsView itemsView) {}
