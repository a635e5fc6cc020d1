package dev.jcodex.core.item;

/** A piece of user input as the engine sees it. */
public sealed interface InputPart {
    record Text(String text) implements InputPart {}
    record ImageUrl(String url) implements InputPart {}
    record LocalImage(String path) implements InputPart {}
    record Skill(String name, String path) implements InputPart {}
    record Mention(String name, String path) implements InputPart {}
}
