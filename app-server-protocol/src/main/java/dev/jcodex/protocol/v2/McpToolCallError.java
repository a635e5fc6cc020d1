package dev.jcodex.protocol.v2;

public record McpToolCallError(String message) {}
