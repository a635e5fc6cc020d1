package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** windowsSandbox/setupStart. */
public record WindowsSandboxSetupStartParams(@JsonProperty(required = true) WindowsSandboxSetupMode mode, String cwd) {}
