package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.ThreadReadState;

/** The thread's read state moved (a turn completed, or a revert removed the first unread turn). */
public record ThreadReadStateChangedNotification(String threadId, ThreadReadState readState)
        implements ServerNotification {}
