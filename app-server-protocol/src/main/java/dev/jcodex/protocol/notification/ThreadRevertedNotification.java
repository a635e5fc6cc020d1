package dev.jcodex.protocol.notification;

/** A thread's history was cut back (thread/revert): re-read its turns. */
public record ThreadRevertedNotification(String threadId) implements ServerNotification {}
