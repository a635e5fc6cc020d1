package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** What a shell command does, parsed best-effort for display (tag {@code type}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(CommandAction.Read.class),
    @JsonSubTypes.Type(CommandAction.ListFiles.class),
    @JsonSubTypes.Type(CommandAction.Search.class),
    @JsonSubTypes.Type(CommandAction.Unknown.class)
})
public sealed interface CommandAction {
    @JsonTypeName("read") record Read(String command, String name, String path) implements CommandAction {}
    @JsonTypeName("listFiles") record ListFiles(String command, String path) implements CommandAction {}
    @JsonTypeName("search") record Search(String command, String query, String path) implements CommandAction {}
    @JsonTypeName("unknown") record Unknown(String command) implements CommandAction {}
}
