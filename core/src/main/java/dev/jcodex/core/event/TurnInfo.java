package dev.jcodex.core.event;

import dev.jcodex.core.item.Item;
import java.util.List;

/** A turn's summary as announced at its start and end. Times: epoch seconds; duration in ms. */
public record TurnInfo(String id, TurnStatus status, TurnFailure error, List<Item> items, Long startedAt,
                       Long completedAt, Long durationMs) {}
