package dev.jcodex.protocol.v2;

import java.util.List;

/**
 * startedAt/completedAt are unix seconds; durationMs is set once the turn ended. {@code rootTurnId} is the
 * first turn of the chain of work that led to this one: jcodex turns are not started on behalf of other turns,
 * so it is the turn's own id. {@code itemsView} says how much of {@code items} is included.
 */
public record Turn(String id, String rootTurnId, List<ThreadItem> items, TurnItemsView itemsView, TurnStatus status,
                   TurnError error, Long startedAt, Long completedAt, Long durationMs) {}
