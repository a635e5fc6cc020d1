package dev.jcodex.protocol.notification;

/** requestId is the integer id of the server → client request that is settled. */
public record ServerRequestResolvedNotification(String threadId, Object requestId) implements ServerNotification {}
