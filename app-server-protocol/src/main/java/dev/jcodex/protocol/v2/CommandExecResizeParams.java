package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record CommandExecResizeParams(@JsonProperty(required = true) String processId,
                                      @JsonProperty(required = true) TerminalSize size) {}
