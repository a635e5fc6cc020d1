package dev.jcodex.core.tools.patch;

/** A patch that cannot be parsed or does not fit the files on disk; the message goes back to the model. */
public final class PatchException extends Exception {
    public PatchException(String message) { super(message, null, false, false); }
}
