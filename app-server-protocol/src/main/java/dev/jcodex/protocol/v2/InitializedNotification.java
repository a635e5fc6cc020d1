package dev.jcodex.protocol.v2;

/** Client → server notification after the initialize result; carries no params. */
public record InitializedNotification() {}
