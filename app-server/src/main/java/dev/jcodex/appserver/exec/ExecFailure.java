package dev.jcodex.appserver.exec;

/** Why exec stopped; {@code verbatim} messages are printed as they are (no "Error: " prefix). */
final class ExecFailure extends RuntimeException {
    final boolean verbatim;

    ExecFailure(String message) { this(message, false); }

    ExecFailure(String message, boolean verbatim) {
        super(message, null, false, false);
        this.verbatim = verbatim;
    }
}
