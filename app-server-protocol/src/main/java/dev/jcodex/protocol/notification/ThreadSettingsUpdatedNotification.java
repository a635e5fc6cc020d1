package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.ThreadSettingsView;

/** A turn's overrides changed the thread's settings for future turns. */
public record ThreadSettingsUpdatedNotification(String threadId, ThreadSettingsView threadSettings)
        implements ServerNotification {}
