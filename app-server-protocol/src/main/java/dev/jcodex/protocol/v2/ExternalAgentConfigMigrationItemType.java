package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ExternalAgentConfigMigrationItemType {
    @JsonProperty("AGENTS_MD") AGENTS_MD,
    @JsonProperty("CONFIG") CONFIG,
    @JsonProperty("SKILLS") SKILLS,
    @JsonProperty("PLUGINS") PLUGINS,
    @JsonProperty("MCP_SERVER_CONFIG") MCP_SERVER_CONFIG,
    @JsonProperty("SUBAGENTS") SUBAGENTS,
    @JsonProperty("HOOKS") HOOKS,
    @JsonProperty("COMMANDS") COMMANDS,
    @JsonProperty("MEMORY") MEMORY,
    @JsonProperty("SESSIONS") SESSIONS
}
