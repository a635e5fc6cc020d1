package dev.jcodex.core.review;

/** A review cannot start: not a repository, unknown branch or commit, git missing. The message says which. */
public final class ReviewException extends RuntimeException {
    public ReviewException(String message) { super(message); }
}
