package dev.jcodex.protocol.v2;

import java.util.List;

/** {@code nextCursor} null on the last page; {@code backwardsCursor} pages back from the first entry. */
public record ThreadListResponse(List<Thread> data, String nextCursor, String backwardsCursor) {}
