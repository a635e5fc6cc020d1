package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The history contract a thread was created with. {@code paginated} threads are meant to be read page by page
 * (thread/turns/list, thread/items/list); hydrating them whole draws a deprecationNotice, as in Codex.
 */
public enum ThreadHistoryMode {
    @JsonProperty("legacy") LEGACY,
    @JsonProperty("paginated") PAGINATED
}
