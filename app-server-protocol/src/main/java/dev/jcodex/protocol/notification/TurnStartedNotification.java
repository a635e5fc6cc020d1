package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.Turn;
public record TurnStartedNotification(String threadId, Turn turn) implements ServerNotification {}
