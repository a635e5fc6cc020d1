package dev.jcodex.protocol.notification;

public record WarningNotification(String threadId, String message) implements ServerNotification {}
