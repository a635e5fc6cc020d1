package dev.jcodex.protocol.serverrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code mcpServer/elicitation/request}: an MCP server asks the user for input. {@code mode} "form" carries
 * {@code requestedSchema}; "url" carries {@code url} and {@code elicitationId}. {@code turnId} is the turn
 * running when the server asked, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerElicitationRequestParams(String threadId, String turnId, String serverName, String mode,
                                                String message, Object requestedSchema, String url,
                                                String elicitationId, @JsonProperty("_meta") Object meta) {}
