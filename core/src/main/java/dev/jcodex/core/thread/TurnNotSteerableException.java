package dev.jcodex.core.thread;

/** turn/steer on a turn that cannot take input; {@code turnKind} as Codex names it ("review", "compact"). */
public final class TurnNotSteerableException extends IllegalStateException {
    private final String turnKind;

    public TurnNotSteerableException(String turnKind, String message) {
        super(message);
        this.turnKind = turnKind;
    }

    public String turnKind() { return turnKind; }
}
