package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.Thread;
public record ThreadStartedNotification(Thread thread) implements ServerNotification {}
