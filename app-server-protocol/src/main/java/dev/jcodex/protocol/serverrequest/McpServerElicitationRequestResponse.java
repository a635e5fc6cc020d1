package dev.jcodex.protocol.serverrequest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The client's answer: {@code action} accept, decline or cancel; {@code content} only with accept. */
public record McpServerElicitationRequestResponse(String action, Object content, @JsonProperty("_meta") Object meta) {}
