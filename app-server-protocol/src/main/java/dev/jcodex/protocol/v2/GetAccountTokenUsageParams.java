package dev.jcodex.protocol.v2;

/** account/usage/read (params may be null). */
public record GetAccountTokenUsageParams(String threadId) {}
