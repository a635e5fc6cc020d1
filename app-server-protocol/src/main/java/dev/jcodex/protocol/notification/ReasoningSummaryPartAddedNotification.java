package dev.jcodex.protocol.notification;

public record ReasoningSummaryPartAddedNotification(String threadId, String turnId, String itemId, int summaryIndex) implements ServerNotification {}
