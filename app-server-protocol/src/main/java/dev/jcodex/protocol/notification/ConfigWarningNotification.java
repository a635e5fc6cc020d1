package dev.jcodex.protocol.notification;

public record ConfigWarningNotification(String summary, String details) implements ServerNotification {}
