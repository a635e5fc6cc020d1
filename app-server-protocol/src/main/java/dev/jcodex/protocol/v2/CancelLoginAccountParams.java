package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** account/login/cancel: the {@code loginId} a browser/device login returned. */
public record CancelLoginAccountParams(@JsonProperty(required = true) String loginId) {}
