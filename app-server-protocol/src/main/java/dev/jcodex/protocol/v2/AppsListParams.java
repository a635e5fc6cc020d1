package dev.jcodex.protocol.v2;

/** app/list (ChatGPT apps, i.e. connectors): paged. */
public record AppsListParams(String cursor, Integer limit, Boolean forceRefetch, String threadId) {}
