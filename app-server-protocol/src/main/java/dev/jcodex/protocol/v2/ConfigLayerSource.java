package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** Where a config layer comes from (tag {@code type}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ConfigLayerSource.System.class),
    @JsonSubTypes.Type(ConfigLayerSource.User.class),
    @JsonSubTypes.Type(ConfigLayerSource.Project.class),
    @JsonSubTypes.Type(ConfigLayerSource.SessionFlags.class)
})
public sealed interface ConfigLayerSource {
    @JsonTypeName("system")
    record System(String file) implements ConfigLayerSource {}

    /** {@code CODEX_HOME/config.toml}, with the profile that was overlaid (or null). */
    @JsonTypeName("user")
    record User(String file, String profile) implements ConfigLayerSource {}

    /** A project's {@code .codex} folder. */
    @JsonTypeName("project")
    record Project(String dotCodexFolder) implements ConfigLayerSource {}

    /** {@code -c key=value} flags given to the daemon. */
    @JsonTypeName("sessionFlags")
    record SessionFlags() implements ConfigLayerSource {}
}
