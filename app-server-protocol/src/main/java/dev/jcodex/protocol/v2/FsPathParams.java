package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** fs/readFile, fs/getMetadata and fs/readDirectory: one absolute path. */
public record FsPathParams(@JsonProperty(required = true) String path) {}
