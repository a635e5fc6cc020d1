package dev.jcodex.protocol.v2;

/**
 * What the provider reported about its rate limits. The ChatGPT-plan fields (individualLimit, planType,
 * rateLimitReachedType, spendControlReached, normalModelSlug) come from the ChatGPT backend, which jcodex does
 * not talk to: always null.
 */
public record RateLimitSnapshot(String limitId, String limitName, String normalModelSlug, RateLimitWindow primary,
                                RateLimitWindow secondary, CreditsSnapshot credits, Object individualLimit,
                                Boolean spendControlReached, String planType, String rateLimitReachedType) {}
