package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex never imported anything from another agent. */
public record ExternalAgentConfigImportHistoriesReadResponse(@JsonProperty(required = true) List<Object> data, @JsonProperty(required = true) List<Object> connectors) {}
