package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record CommandExecTerminateParams(@JsonProperty(required = true) String processId) {}
