package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** modelProvider/default/set: the configured provider new threads and unscoped model/list use. */
public record ModelProviderDefaultSetParams(@JsonProperty(required = true) String providerId) {}
