package dev.jcodex.protocol.v2;

/**
 * Managed constraints (requirements.toml, MDM) on what a client may select. {@code requirements} null: jcodex
 * has no managed-requirements layer, so nothing is constrained. {@code supportsIndependentSpeedModes} null: jcodex
 * has no speed modes to gate.
 */
public record ConfigRequirementsReadResponse(Object requirements, Boolean supportsIndependentSpeedModes) {}
