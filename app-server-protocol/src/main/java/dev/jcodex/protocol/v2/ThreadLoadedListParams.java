package dev.jcodex.protocol.v2;

public record ThreadLoadedListParams(String cursor, Integer limit) {}
