package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ThreadUnreadPosition.ThreadStart.class),
    @JsonSubTypes.Type(ThreadUnreadPosition.AtTurn.class)
})
public sealed interface ThreadUnreadPosition {
    @JsonTypeName("threadStart") record ThreadStart() implements ThreadUnreadPosition {}
    @JsonTypeName("turn") record AtTurn(String turnId) implements ThreadUnreadPosition {}
}
