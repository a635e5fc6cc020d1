package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.ThreadTokenUsage;
public record ThreadTokenUsageUpdatedNotification(String threadId, String turnId, ThreadTokenUsage tokenUsage) implements ServerNotification {}
