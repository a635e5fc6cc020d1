package dev.jcodex.core.thread;

import dev.jcodex.core.event.TurnInfo;

/** A turn accepted but not yet running: answer the request with {@code info}, then {@link #launch()}. */
public record PendingTurn(TurnInfo info, Runnable launcher) {
    public void launch() { launcher.run(); }
}
