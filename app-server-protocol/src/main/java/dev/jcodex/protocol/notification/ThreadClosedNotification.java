package dev.jcodex.protocol.notification;

/** A thread was unloaded after sitting idle with no subscriber (it can be resumed again from its rollout). */
public record ThreadClosedNotification(String threadId) implements ServerNotification {}
