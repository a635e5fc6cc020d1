package dev.jcodex.protocol.v2;

public record GetAccountParams(Boolean refreshToken) {}
