package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex has no thread attachments, so the element type is not modelled. */
public record ThreadAttachmentOwnerListResponse(@JsonProperty(required = true) List<Object> data, String nextCursor) {}
