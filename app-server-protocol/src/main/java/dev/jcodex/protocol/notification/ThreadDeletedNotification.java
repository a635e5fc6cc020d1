package dev.jcodex.protocol.notification;

/** A thread's rollout and index row are gone (thread/delete); heard by every client. */
public record ThreadDeletedNotification(String threadId) implements ServerNotification {}
