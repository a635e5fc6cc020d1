package dev.jcodex.protocol.notification;

/** The account changed: {@code authMode} "apikey" after a login, null after logout. */
public record AccountUpdatedNotification(String authMode, String planType, String reason) implements ServerNotification {}
