package dev.jcodex.core.config;

import java.nio.file.Path;

/** Something in the config that was ignored, with the key and the reason (sent as {@code configWarning}). */
public record ConfigWarning(String summary, String details, Path file) {}
