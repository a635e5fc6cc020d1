package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** What review/start reviews (tag {@code type}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ReviewTarget.UncommittedChanges.class),
    @JsonSubTypes.Type(ReviewTarget.BaseBranch.class),
    @JsonSubTypes.Type(ReviewTarget.Commit.class),
    @JsonSubTypes.Type(ReviewTarget.Custom.class)
})
public sealed interface ReviewTarget {
    /** Staged, unstaged and untracked changes of the thread's working tree. */
    @JsonTypeName("uncommittedChanges")
    record UncommittedChanges() implements ReviewTarget {}

    /** The current branch's changes relative to its merge base with {@code branch}. */
    @JsonTypeName("baseBranch")
    record BaseBranch(@JsonProperty(required = true) String branch) implements ReviewTarget {}

    /** One commit; {@code title} (optional) labels it for the user. */
    @JsonTypeName("commit")
    record Commit(@JsonProperty(required = true) String sha, String title) implements ReviewTarget {}

    /** Free-form review instructions. */
    @JsonTypeName("custom")
    record Custom(@JsonProperty(required = true) String instructions) implements ReviewTarget {}
}
