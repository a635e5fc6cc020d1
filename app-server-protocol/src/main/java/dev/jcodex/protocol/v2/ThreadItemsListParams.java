package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * thread/items/list: one page of a thread's items (of one turn with {@code turnId}), oldest first unless
 * {@code sortDirection} is desc. {@code cursor} is a string from an earlier page or an item anchor
 * {@code {"type":"item","itemId":…}} (exclusive; needs {@code turnId}). {@code deferOutput} is accepted and
 * not applied: outputs are always included.
 */
public record ThreadItemsListParams(@JsonProperty(required = true) String threadId, String turnId, Object cursor,
                                    Integer limit, SortDirection sortDirection, Map<String, Object> deferOutput) {}
