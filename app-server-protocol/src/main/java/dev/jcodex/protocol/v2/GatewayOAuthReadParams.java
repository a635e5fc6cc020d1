package dev.jcodex.protocol.v2;

/** account/gatewayOAuth/read (params may be null). */
public record GatewayOAuthReadParams(String modelProvider) {}
