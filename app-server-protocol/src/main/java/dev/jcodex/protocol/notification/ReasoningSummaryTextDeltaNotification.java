package dev.jcodex.protocol.notification;

public record ReasoningSummaryTextDeltaNotification(String threadId, String turnId, String itemId, String delta, int summaryIndex) implements ServerNotification {}
