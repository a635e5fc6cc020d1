package dev.jcodex.protocol.v2;

/** One item of a thread with the turn it belongs to; times are epoch milliseconds, null when not recorded. */
public record ThreadItemEntry(String turnId, ThreadItem item, Long startedAtMs, Long completedAtMs) {}
