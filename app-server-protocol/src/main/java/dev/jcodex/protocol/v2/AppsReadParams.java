package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** app/read. */
public record AppsReadParams(@JsonProperty(required = true) List<String> appIds, Boolean includeTools, String threadId) {}
