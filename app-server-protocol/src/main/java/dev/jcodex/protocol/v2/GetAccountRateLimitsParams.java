package dev.jcodex.protocol.v2;

/** account/rateLimits/read; both flags concern ChatGPT reset credits, which jcodex has none of. */
public record GetAccountRateLimitsParams(Boolean excludeResetCreditDetails, Boolean supportsLunaReserve) {}
