package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(PatchChangeKind.Add.class),
    @JsonSubTypes.Type(PatchChangeKind.Delete.class),
    @JsonSubTypes.Type(PatchChangeKind.Update.class)
})
public sealed interface PatchChangeKind {
    @JsonTypeName("add") record Add() implements PatchChangeKind {}
    @JsonTypeName("delete") record Delete() implements PatchChangeKind {}
    /** move_path is snake_case on the wire. */
    @JsonTypeName("update") record Update(@JsonProperty("move_path") String movePath) implements PatchChangeKind {}
}
