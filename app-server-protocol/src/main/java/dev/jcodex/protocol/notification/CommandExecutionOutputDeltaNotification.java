package dev.jcodex.protocol.notification;

/** Plain text, not base64. */
public record CommandExecutionOutputDeltaNotification(String threadId, String turnId, String itemId, String delta) implements ServerNotification {}
