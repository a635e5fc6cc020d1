package dev.jcodex.protocol.notification;

public record ReasoningTextDeltaNotification(String threadId, String turnId, String itemId, String delta, int contentIndex) implements ServerNotification {}
