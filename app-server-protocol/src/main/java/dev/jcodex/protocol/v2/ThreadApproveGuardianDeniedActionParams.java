package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/approveGuardianDeniedAction: {@code event} is a guardian assessment event (any JSON value here). */
public record ThreadApproveGuardianDeniedActionParams(@JsonProperty(required = true) String threadId, @JsonProperty(required = true) Object event) {}
