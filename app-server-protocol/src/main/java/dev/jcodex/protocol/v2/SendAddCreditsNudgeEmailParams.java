package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** account/sendAddCreditsNudgeEmail. */
public record SendAddCreditsNudgeEmailParams(@JsonProperty(required = true) AddCreditsNudgeCreditType creditType) {}
