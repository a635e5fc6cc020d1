package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * thread/revert: the thread's history becomes the turns before {@code beforeTurnId} (that turn and every
 * later one are dropped, for clients and for the model). Files are not touched.
 */
public record ThreadRevertParams(@JsonProperty(required = true) String threadId,
                                 @JsonProperty(required = true) String beforeTurnId) {}
