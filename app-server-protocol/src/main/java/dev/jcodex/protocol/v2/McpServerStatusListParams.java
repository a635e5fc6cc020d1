package dev.jcodex.protocol.v2;

public record McpServerStatusListParams(String cursor, Integer limit, String detail, String threadId) {}
