package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Always empty: jcodex has no apps (connectors). */
public record AppsInstalledResponse(@JsonProperty(required = true) List<Object> apps) {}
