package dev.jcodex.protocol.notification;

public record FileChangeOutputDeltaNotification(String threadId, String turnId, String itemId, String delta) implements ServerNotification {}
