package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.TurnError;
public record ErrorNotification(TurnError error, boolean willRetry, String threadId, String turnId) implements ServerNotification {}
