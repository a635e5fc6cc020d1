package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record ConfigBatchWriteParams(@JsonProperty(required = true) List<ConfigEdit> edits, String filePath,
                                     String expectedVersion, Boolean reloadUserConfig) {}
