package dev.jcodex.protocol.v2;

/** account/gatewayOAuth/login (params may be null). */
public record GatewayOAuthLoginParams(Boolean deviceAuth, String modelProvider) {}
