package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ThreadStatus.NotLoaded.class),
    @JsonSubTypes.Type(ThreadStatus.Idle.class),
    @JsonSubTypes.Type(ThreadStatus.SystemError.class),
    @JsonSubTypes.Type(ThreadStatus.Active.class)
})
public sealed interface ThreadStatus {
    @JsonTypeName("notLoaded") record NotLoaded() implements ThreadStatus {}
    @JsonTypeName("idle") record Idle() implements ThreadStatus {}
    @JsonTypeName("systemError") record SystemError() implements ThreadStatus {}
    /** activeFlags: "waitingOnApproval", "waitingOnUserInput". */
    @JsonTypeName("active") record Active(List<String> activeFlags) implements ThreadStatus {}

    ThreadStatus IDLE = new Idle();
    ThreadStatus NOT_LOADED = new NotLoaded();
    ThreadStatus SYSTEM_ERROR = new SystemError();
}
