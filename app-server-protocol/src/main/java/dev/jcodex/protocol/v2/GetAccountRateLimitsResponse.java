package dev.jcodex.protocol.v2;

import java.util.Map;

/**
 * The last rate limits the provider reported ({@code rateLimits}: the default "codex" family), and every
 * family by limit id. The ChatGPT-only parts (accountId, reset credits, upsell) are null.
 */
public record GetAccountRateLimitsResponse(RateLimitSnapshot rateLimits, Map<String, RateLimitSnapshot> rateLimitsByLimitId,
                                           String accountId, Boolean ordinaryUsageAllowed, Object rateLimitResetCredits,
                                           Object rateLimitUpsell) {}
