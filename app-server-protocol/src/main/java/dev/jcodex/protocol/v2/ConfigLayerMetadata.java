package dev.jcodex.protocol.v2;

public record ConfigLayerMetadata(ConfigLayerSource name, String version) {}
