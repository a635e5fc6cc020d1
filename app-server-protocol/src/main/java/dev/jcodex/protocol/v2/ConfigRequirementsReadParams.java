package dev.jcodex.protocol.v2;

/** configRequirements/read takes no params. */
public record ConfigRequirementsReadParams() {}
