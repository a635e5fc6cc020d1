package dev.jcodex.core.skills;

import java.nio.file.Path;

/**
 * A skill found on disk: a {@code SKILL.md} whose front matter names and describes it. {@code scope} is
 * "repo", "user" or "system"; {@code root} is the skills directory it was found under.
 */
public record Skill(String name, String description, String shortDescription, Path path, String scope, Path root) {}
