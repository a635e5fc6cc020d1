package dev.jcodex.protocol.v2;

/** app/installed. */
public record AppsInstalledParams(Boolean forceRefresh, String threadId) {}
