package dev.jcodex.protocol.notification;

/** The thread has no goal (jcodex has no goals; sent when resume loads a saved thread, as Codex does). */
public record ThreadGoalClearedNotification(String threadId) implements ServerNotification {}
