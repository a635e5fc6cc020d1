package dev.jcodex.protocol.v2;

/** {@code platformFamily} is "unix" or "windows"; {@code platformOs} is "linux", "macos" or "windows". */
public record InitializeResponse(String userAgent, String codexHome, String platformFamily, String platformOs) {}
