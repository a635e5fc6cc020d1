package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum SortDirection {
    @JsonProperty("asc") ASC,
    @JsonProperty("desc") DESC
}
