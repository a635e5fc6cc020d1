package dev.jcodex.core.event;

import java.util.List;

/** {@code flags} only for ACTIVE: waitingOnApproval, waitingOnUserInput. */
public record ThreadState(Kind kind, List<String> flags) {
    public enum Kind { NOT_LOADED, IDLE, ACTIVE, SYSTEM_ERROR }

    public static final ThreadState IDLE = new ThreadState(Kind.IDLE, List.of());
    public static final ThreadState ACTIVE = new ThreadState(Kind.ACTIVE, List.of());
    public static final ThreadState SYSTEM_ERROR = new ThreadState(Kind.SYSTEM_ERROR, List.of());
    public static final ThreadState NOT_LOADED = new ThreadState(Kind.NOT_LOADED, List.of());
}
