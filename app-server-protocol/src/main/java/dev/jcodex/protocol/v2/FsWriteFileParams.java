package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record FsWriteFileParams(@JsonProperty(required = true) String path,
                                @JsonProperty(required = true) String dataBase64) {}
