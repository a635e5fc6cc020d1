package dev.jcodex.protocol.v2;

/** Legacy v1 {@code getAuthStatus}, still sent by some clients. */
public record GetAuthStatusParams(Boolean includeToken, Boolean refreshToken) {}
