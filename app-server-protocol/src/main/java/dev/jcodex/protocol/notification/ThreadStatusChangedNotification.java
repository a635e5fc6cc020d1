package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.ThreadStatus;
public record ThreadStatusChangedNotification(String threadId, ThreadStatus status) implements ServerNotification {}
