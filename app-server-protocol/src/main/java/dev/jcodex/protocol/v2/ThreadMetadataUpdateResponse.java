package dev.jcodex.protocol.v2;

public record ThreadMetadataUpdateResponse(Thread thread) {}
