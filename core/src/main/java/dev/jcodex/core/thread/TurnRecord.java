package dev.jcodex.core.thread;

import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.item.Item;
import java.util.List;

/** A turn of a thread with its completed items; {@code end} is null while it runs. */
public record TurnRecord(String id, List<Item> items, TurnInfo end) {}
