package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The coarse sandbox choice of thread/start and config.toml. */
public enum SandboxMode {
    @JsonProperty("read-only") READ_ONLY,
    @JsonProperty("workspace-write") WORKSPACE_WRITE,
    @JsonProperty("danger-full-access") DANGER_FULL_ACCESS
}
