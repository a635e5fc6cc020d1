package dev.jcodex.protocol.v2;

/** {@code cwd}: see the config as a thread there would (project layers included). */
public record ConfigReadParams(Boolean includeLayers, String cwd) {}
