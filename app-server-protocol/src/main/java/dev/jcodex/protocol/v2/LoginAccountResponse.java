package dev.jcodex.protocol.v2;

public record LoginAccountResponse(String type) {}
