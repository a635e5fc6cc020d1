package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The outcome of importing one item type; successes and failures are not modelled (jcodex imports nothing). */
public record ExternalAgentConfigImportHistoryRecordTypeResultParams(@JsonProperty(required = true) ExternalAgentConfigMigrationItemType itemType, @JsonProperty(required = true) List<Object> successes, @JsonProperty(required = true) List<Object> failures) {}
