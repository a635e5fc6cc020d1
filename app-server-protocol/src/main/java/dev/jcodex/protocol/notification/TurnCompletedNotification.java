package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.Turn;
public record TurnCompletedNotification(String threadId, Turn turn) implements ServerNotification {}
