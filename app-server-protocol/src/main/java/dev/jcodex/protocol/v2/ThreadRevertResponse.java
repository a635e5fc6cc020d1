package dev.jcodex.protocol.v2;

/** {@code thread.turns} is empty; hydrate what is left with the backwards cursors (see ThreadResumeResponse). */
public record ThreadRevertResponse(Thread thread, String turnsBackwardsCursor, String itemsBackwardsCursor) {}
