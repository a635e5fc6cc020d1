package dev.jcodex.protocol.v2;

/** How the desktop app draws a custom thread section. */
public record ThreadSectionAppearance(String color, String icon) {}
