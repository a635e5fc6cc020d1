package dev.jcodex.protocol.v2;

import java.util.List;

public record McpToolCallResult(List<Object> content, Object structuredContent) {}
