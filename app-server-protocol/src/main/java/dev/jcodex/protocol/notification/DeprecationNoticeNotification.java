package dev.jcodex.protocol.notification;

/** Something the client just used is deprecated; {@code details} may say what to do instead. */
public record DeprecationNoticeNotification(String summary, String details) implements ServerNotification {}
