package dev.jcodex.protocol.v2;

/** One rate-limit window: percent used, its length and when it resets (unix seconds). */
public record RateLimitWindow(int usedPercent, Long windowDurationMins, Long resetsAt) {}
