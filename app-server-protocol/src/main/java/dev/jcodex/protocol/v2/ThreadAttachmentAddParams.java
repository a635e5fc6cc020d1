package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/attachment/add: {@code payload} is any JSON value the desktop app attaches. */
public record ThreadAttachmentAddParams(@JsonProperty(required = true) String threadId, @JsonProperty(required = true) String attachmentType, @JsonProperty(required = true) String identityKey, @JsonProperty(required = true) Object payload) {}
