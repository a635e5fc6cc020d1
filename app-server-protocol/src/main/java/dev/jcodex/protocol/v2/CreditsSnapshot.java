package dev.jcodex.protocol.v2;

public record CreditsSnapshot(boolean hasCredits, boolean unlimited, String balance) {}
