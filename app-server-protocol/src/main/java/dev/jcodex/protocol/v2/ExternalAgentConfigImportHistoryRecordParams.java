package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** externalAgentConfig/import/recordHistory. */
public record ExternalAgentConfigImportHistoryRecordParams(@JsonProperty(required = true) String providerId, @JsonProperty(required = true) List<ExternalAgentConfigImportHistoryRecordTypeResultParams> itemTypeResults) {}
