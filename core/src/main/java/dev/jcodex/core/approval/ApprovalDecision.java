package dev.jcodex.core.approval;

/**
 * The user's answer. ACCEPT_FOR_SESSION also lets identical commands (or patches to the same paths) through
 * for the rest of the thread; DECLINE skips the action and tells the model; CANCEL also ends the turn.
 */
public enum ApprovalDecision {
    ACCEPT, ACCEPT_FOR_SESSION, DECLINE, CANCEL;

    public boolean approved() { return this == ACCEPT || this == ACCEPT_FOR_SESSION; }
}
