package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** One piece of user input in turn/start (tag {@code type}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(UserInput.Text.class),
    @JsonSubTypes.Type(UserInput.Image.class),
    @JsonSubTypes.Type(UserInput.LocalImage.class),
    @JsonSubTypes.Type(UserInput.Skill.class),
    @JsonSubTypes.Type(UserInput.Mention.class)
})
public sealed interface UserInput {
    @JsonTypeName("text")
    record Text(@JsonProperty(required = true) String text,
                @JsonProperty("text_elements") List<TextElement> textElements) implements UserInput {
        public Text {
            textElements = textElements == null ? List.of() : textElements;
        }
    }

    @JsonTypeName("image")
    record Image(String url, String detail) implements UserInput {}

    @JsonTypeName("localImage")
    record LocalImage(@JsonProperty(required = true) String path, String detail) implements UserInput {}

    @JsonTypeName("skill")
    record Skill(@JsonProperty(required = true) String name, @JsonProperty(required = true) String path)
            implements UserInput {}

    @JsonTypeName("mention")
    record Mention(@JsonProperty(required = true) String name, @JsonProperty(required = true) String path)
            implements UserInput {}

    /** A span of the text (UTF-8 byte offsets) that stood for a placeholder in the composer. */
    record TextElement(ByteRange byteRange, String placeholder) {}

    record ByteRange(int start, int end) {}
}
