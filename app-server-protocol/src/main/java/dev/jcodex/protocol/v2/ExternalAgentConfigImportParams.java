package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** externalAgentConfig/import. */
public record ExternalAgentConfigImportParams(@JsonProperty(required = true) List<ExternalAgentConfigMigrationItem> migrationItems, String migrationSource, String providerId, String source) {}
