package dev.jcodex.protocol.v2;

/** {@code notice} null: no security reminder (jcodex has no ChatGPT account backend). */
public record GetAccountSecuritySetupResponse(Object notice) {}
