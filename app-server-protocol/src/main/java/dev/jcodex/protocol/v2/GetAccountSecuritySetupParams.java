package dev.jcodex.protocol.v2;

/** account/securitySetup/read takes no params. */
public record GetAccountSecuritySetupParams() {}
