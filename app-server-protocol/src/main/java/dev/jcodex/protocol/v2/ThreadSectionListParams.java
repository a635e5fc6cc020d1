package dev.jcodex.protocol.v2;

/** threadSection/list: paged (jcodex has no sections, so every page is empty). */
public record ThreadSectionListParams(String cursor, Integer limit) {}
