package dev.jcodex.protocol.v2;

import java.util.List;

/** plugin/list: {@code cwds} are absolute paths where repo marketplaces would be found. */
public record PluginListParams(List<String> cwds, Boolean forceRefetch, List<String> marketplaceKinds) {}
