package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/shellCommand: a command line the user typed, run in the thread's cwd with the user's shell. */
public record ThreadShellCommandParams(@JsonProperty(required = true) String threadId,
                                       @JsonProperty(required = true) String command) {}
