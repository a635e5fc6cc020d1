package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code recursive} defaults to true. */
public record FsCreateDirectoryParams(@JsonProperty(required = true) String path, Boolean recursive) {}
