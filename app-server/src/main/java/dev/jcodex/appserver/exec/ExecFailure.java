package dev.jcodex.appserver.exec;

/** Exec cannot start or finish its turn; the message is what the user sees. */
final class ExecFailure extends RuntimeException {
    ExecFailure(String message) { super(message, null, false, false); }
}
