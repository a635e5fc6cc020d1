package dev.jcodex.protocol.v2;

import java.util.List;

public record ThreadItemsListResponse(List<ThreadItemEntry> data, String nextCursor, String backwardsCursor) {}
