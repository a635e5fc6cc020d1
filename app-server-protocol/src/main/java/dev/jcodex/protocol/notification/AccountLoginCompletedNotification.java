package dev.jcodex.protocol.notification;

/** A login finished; {@code loginId} null for an API-key login (it has no pending flow). */
public record AccountLoginCompletedNotification(String loginId, boolean success, String error)
        implements ServerNotification {}
