package dev.jcodex.protocol.v2;

public record TurnSteerResponse(String turnId) {}
