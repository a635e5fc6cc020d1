package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code status} "ok", or "okOverridden" when a higher layer still decides the effective value. */
public record ConfigWriteResponse(String status, String version, String filePath, OverriddenMetadata overriddenMetadata) {
    public record OverriddenMetadata(String message, ConfigLayerMetadata overridingLayer,
                                     @JsonProperty("effectiveValue") Object effectiveValue) {}
}
