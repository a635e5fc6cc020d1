package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** account/login/start: jcodex supports {@code {type:"apiKey", apiKey}}. */
public record LoginAccountParams(@JsonProperty(required = true) String type, String apiKey) {}
