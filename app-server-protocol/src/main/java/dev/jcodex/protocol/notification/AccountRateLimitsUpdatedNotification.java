package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.RateLimitSnapshot;

/** After each model response: the rate limits its headers reported (all-null windows when it sent none). */
public record AccountRateLimitsUpdatedNotification(RateLimitSnapshot rateLimits) implements ServerNotification {}
