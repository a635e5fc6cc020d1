package dev.jcodex.protocol.v2;

public record FsWatchResponse(String path) {}
