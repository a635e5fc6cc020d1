package dev.jcodex.protocol.notification;

/**
 * Params of a server → client notification. The method name of each type is given by
 * {@link dev.jcodex.protocol.ServerNotifications}; the envelope adds {@code method} and {@code emittedAtMs}.
 */
public interface ServerNotification {}
