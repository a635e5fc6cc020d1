package dev.jcodex.protocol.v2;

public record ModelListParams(String cursor, Integer limit, Boolean includeHidden, String modelProvider) {}
