package dev.jcodex.protocol.v2;

import java.util.List;

public record ThreadLoadedListResponse(List<String> data, String nextCursor) {}
