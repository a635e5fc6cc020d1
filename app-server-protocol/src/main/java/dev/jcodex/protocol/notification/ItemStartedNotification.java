package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.ThreadItem;
public record ItemStartedNotification(ThreadItem item, String threadId, String turnId, Long startedAtMs) implements ServerNotification {}
