package dev.jcodex.protocol.v2;

import java.util.List;

/** Per-connection capabilities a client declares at initialize. */
public record InitializeCapabilities(Boolean experimentalApi, List<String> optOutNotificationMethods) {}
