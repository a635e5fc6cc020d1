package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/attachment/remove. */
public record ThreadAttachmentRemoveParams(@JsonProperty(required = true) String threadId, @JsonProperty(required = true) String attachmentType, @JsonProperty(required = true) String identityKey) {}
