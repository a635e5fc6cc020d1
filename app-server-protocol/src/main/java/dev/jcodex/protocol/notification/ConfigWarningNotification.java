package dev.jcodex.protocol.notification;

/** A config problem that was tolerated; {@code path} is the file it came from, when known. */
public record ConfigWarningNotification(String summary, String details, String path) implements ServerNotification {}
