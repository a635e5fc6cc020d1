package dev.jcodex.protocol.v2;

/** {@code authMethod}: "apikey", "chatgpt" or null. */
public record GetAuthStatusResponse(String authMethod, String authToken, boolean requiresOpenaiAuth) {}
