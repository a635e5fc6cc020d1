package dev.jcodex.protocol.v2;

import java.util.List;

public record PermissionProfileListResponse(List<PermissionProfileSummary> data, String nextCursor) {
    /** {@code allowed}: whether the effective requirements let a client select it. */
    public record PermissionProfileSummary(String id, String description, boolean allowed) {}
}
