package dev.jcodex.protocol.notification;

public record ThreadUnarchivedNotification(String threadId) implements ServerNotification {}
