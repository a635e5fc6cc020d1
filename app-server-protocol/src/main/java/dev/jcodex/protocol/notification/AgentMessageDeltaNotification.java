package dev.jcodex.protocol.notification;

public record AgentMessageDeltaNotification(String threadId, String turnId, String itemId, String delta) implements ServerNotification {}
