package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** No apps exist in jcodex: every requested id is missing. */
public record AppsReadResponse(@JsonProperty(required = true) List<Object> apps, @JsonProperty(required = true) List<String> missingAppIds) {}
