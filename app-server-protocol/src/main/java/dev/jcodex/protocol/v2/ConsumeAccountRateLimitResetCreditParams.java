package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** account/rateLimitResetCredit/consume. */
public record ConsumeAccountRateLimitResetCreditParams(@JsonProperty(required = true) String idempotencyKey, String creditId) {}
