package dev.jcodex.protocol.v2;

import java.util.List;

/** startedAt/completedAt are unix seconds; durationMs is set once the turn ended. */
public record Turn(String id, List<ThreadItem> items, TurnStatus status, TurnError error, Long startedAt,
                   Long completedAt, Long durationMs) {}
