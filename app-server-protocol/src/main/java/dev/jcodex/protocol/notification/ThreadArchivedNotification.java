package dev.jcodex.protocol.notification;

public record ThreadArchivedNotification(String threadId) implements ServerNotification {}
