package dev.jcodex.protocol.v2;

import java.util.List;

/** plugin/installed. */
public record PluginInstalledParams(List<String> cwds, List<String> installSuggestionPluginNames) {}
