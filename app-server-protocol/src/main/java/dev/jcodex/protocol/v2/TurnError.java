package dev.jcodex.protocol.v2;

public record TurnError(String message, CodexErrorInfo codexErrorInfo, String additionalDetails) {}
