package dev.jcodex.protocol.v2;

public record TurnStartResponse(Turn turn) {}
