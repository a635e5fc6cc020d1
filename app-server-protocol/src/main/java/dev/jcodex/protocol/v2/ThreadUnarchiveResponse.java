package dev.jcodex.protocol.v2;

public record ThreadUnarchiveResponse(Thread thread) {}
