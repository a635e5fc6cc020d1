package dev.jcodex.protocol.v2;

/** One file of a fileChange item: absolute path, kind and a unified diff. */
public record FileUpdateChange(String path, PatchChangeKind kind, String diff) {}
