package dev.jcodex.protocol.v2;

/** A position in a text file: 1-based line and column. */
public record TextPosition(int line, int column) {}
