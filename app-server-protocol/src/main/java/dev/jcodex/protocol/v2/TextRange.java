package dev.jcodex.protocol.v2;

/** A span of a text file, {@code start} to {@code end} inclusive. */
public record TextRange(TextPosition start, TextPosition end) {}
