package dev.jcodex.protocol.v2;

/** windowsSandbox/readiness takes no params. */
public record WindowsSandboxReadinessParams() {}
