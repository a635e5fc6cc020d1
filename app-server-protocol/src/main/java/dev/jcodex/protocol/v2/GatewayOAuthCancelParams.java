package dev.jcodex.protocol.v2;

/** account/gatewayOAuth/cancel takes no params. */
public record GatewayOAuthCancelParams() {}
