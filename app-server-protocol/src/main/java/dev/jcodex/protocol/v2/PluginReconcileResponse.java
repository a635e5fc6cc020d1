package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: with no plugins there is nothing to reconcile. */
public record PluginReconcileResponse(@JsonProperty(required = true) List<Object> changedPlugins, @JsonProperty(required = true) List<String> failedMaterializationRemotePluginIds, @JsonProperty(required = true) List<String> failedRemotePluginIds) {}
