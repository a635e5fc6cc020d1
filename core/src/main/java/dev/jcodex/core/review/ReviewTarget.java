package dev.jcodex.core.review;

/** What a review looks at (review/start's {@code target}). */
public sealed interface ReviewTarget {

    /** Staged, unstaged and untracked changes in the working tree. */
    record UncommittedChanges() implements ReviewTarget {}

    /** Everything that differs from where the current branch left {@code branch} (the merge base). */
    record BaseBranch(String branch) implements ReviewTarget {}

    /** One commit's changes; {@code title} is shown to the user when given. */
    record Commit(String sha, String title) implements ReviewTarget {}

    /** Free-form review instructions; no diff is gathered. */
    record Custom(String instructions) implements ReviewTarget {}
}
