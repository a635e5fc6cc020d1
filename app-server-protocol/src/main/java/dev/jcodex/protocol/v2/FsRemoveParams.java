package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code recursive} and {@code force} default to true (force: a missing path is not an error). */
public record FsRemoveParams(@JsonProperty(required = true) String path, Boolean recursive, Boolean force) {}
