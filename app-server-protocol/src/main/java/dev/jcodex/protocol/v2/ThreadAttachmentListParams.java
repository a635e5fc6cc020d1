package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/attachment/list: paged. */
public record ThreadAttachmentListParams(@JsonProperty(required = true) String threadId, String cursor, Integer limit) {}
