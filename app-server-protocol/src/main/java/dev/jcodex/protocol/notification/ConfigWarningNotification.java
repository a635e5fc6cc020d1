package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.TextRange;

/**
 * A config problem: {@code path} is the file it came from and {@code range} where in it, when known. Also sent
 * for a config that cannot be used at all (threads are refused until it is fixed); {@code summary} says which.
 */
public record ConfigWarningNotification(String summary, String details, String path, TextRange range)
        implements ServerNotification {
    public ConfigWarningNotification(String summary, String details, String path) { this(summary, details, path, null); }
}
