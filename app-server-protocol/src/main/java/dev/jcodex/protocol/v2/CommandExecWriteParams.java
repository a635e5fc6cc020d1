package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record CommandExecWriteParams(@JsonProperty(required = true) String processId, String deltaBase64,
                                     Boolean closeStdin) {}
