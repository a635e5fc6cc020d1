package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** The full sandbox policy of turn/start, command/exec and thread responses (tag {@code type}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(SandboxPolicy.ReadOnly.class),
    @JsonSubTypes.Type(SandboxPolicy.WorkspaceWrite.class),
    @JsonSubTypes.Type(SandboxPolicy.DangerFullAccess.class),
    @JsonSubTypes.Type(SandboxPolicy.ExternalSandbox.class)
})
public sealed interface SandboxPolicy {
    @JsonTypeName("readOnly")
    record ReadOnly(boolean networkAccess) implements SandboxPolicy {}

    @JsonTypeName("workspaceWrite")
    record WorkspaceWrite(List<String> writableRoots, boolean networkAccess, boolean excludeTmpdirEnvVar,
                          boolean excludeSlashTmp) implements SandboxPolicy {}

    @JsonTypeName("dangerFullAccess")
    record DangerFullAccess() implements SandboxPolicy {}

    /** The client sandboxes; networkAccess is "restricted" or "enabled". */
    @JsonTypeName("externalSandbox")
    record ExternalSandbox(String networkAccess) implements SandboxPolicy {}
}
