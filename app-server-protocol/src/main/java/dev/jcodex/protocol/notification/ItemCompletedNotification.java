package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.ThreadItem;
public record ItemCompletedNotification(ThreadItem item, String threadId, String turnId, Long completedAtMs) implements ServerNotification {}
