package dev.jcodex.protocol.v2;

/** plugin/share/list takes an empty object. */
public record PluginShareListParams() {}
