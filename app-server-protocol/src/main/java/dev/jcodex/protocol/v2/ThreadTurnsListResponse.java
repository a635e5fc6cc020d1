package dev.jcodex.protocol.v2;

import java.util.List;

/**
 * {@code nextCursor}: continue after the last turn (null: no more). {@code backwardsCursor}: pass it with the
 * opposite sortDirection to page the other way, the first turn of this page included (null on an empty page).
 */
public record ThreadTurnsListResponse(List<Turn> data, String nextCursor, String backwardsCursor) {}
