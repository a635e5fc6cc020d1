package dev.jcodex.protocol.v2;

/** plugin/reconcile. */
public record PluginReconcileParams(String reason) {}
