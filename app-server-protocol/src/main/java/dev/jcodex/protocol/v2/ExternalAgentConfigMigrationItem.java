package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One thing to import from another agent; {@code details} is not modelled (jcodex imports nothing). */
public record ExternalAgentConfigMigrationItem(@JsonProperty(required = true) String description, @JsonProperty(required = true) ExternalAgentConfigMigrationItemType itemType, String cwd, Object details) {}
