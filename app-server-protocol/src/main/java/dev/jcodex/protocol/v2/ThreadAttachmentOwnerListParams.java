package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/attachmentOwner/list: the threads an attachment is on, paged. */
public record ThreadAttachmentOwnerListParams(@JsonProperty(required = true) String attachmentType, @JsonProperty(required = true) String identityKey, Boolean archived, String cursor, Integer limit) {}
