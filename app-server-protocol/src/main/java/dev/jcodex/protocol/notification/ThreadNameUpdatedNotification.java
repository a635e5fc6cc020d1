package dev.jcodex.protocol.notification;

/** {@code threadName} null when the name was cleared. */
public record ThreadNameUpdatedNotification(String threadId, String threadName) implements ServerNotification {}
