package dev.jcodex.protocol.v2;

public record ThreadReadResponse(Thread thread) {}
