package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum McpAuthStatus {
    @JsonProperty("unknown") UNKNOWN,
    @JsonProperty("unsupported") UNSUPPORTED,
    @JsonProperty("notLoggedIn") NOT_LOGGED_IN,
    @JsonProperty("bearerToken") BEARER_TOKEN,
    @JsonProperty("oAuth") O_AUTH
}
