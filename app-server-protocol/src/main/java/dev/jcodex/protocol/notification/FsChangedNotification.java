package dev.jcodex.protocol.notification;

import java.util.List;

public record FsChangedNotification(String watchId, List<String> changedPaths) implements ServerNotification {}
