package dev.jcodex.protocol.v2;

/** account/logout takes no params. */
public record LogoutAccountParams() {}
