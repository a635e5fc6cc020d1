package dev.jcodex.protocol.notification;

/** The whole aggregated git-style diff of the turn so far. */
public record TurnDiffUpdatedNotification(String threadId, String turnId, String diff) implements ServerNotification {}
