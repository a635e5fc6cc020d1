package dev.jcodex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.util.Json;

/** Maps HTTP statuses and Responses error objects to {@link ModelError} kinds and retryability. */
final class HttpErrors {
    private HttpErrors() {}

    static ModelError fromStatus(int status, String body) {
        JsonNode err = parseError(body);
        String code = err.path("code").asText(err.path("type").asText(""));
        String msg = err.path("message").asText(body == null || body.isBlank() ? "HTTP " + status : body);
        if (status == 401) return new ModelError("unauthorized", "unexpected status 401 Unauthorized: " + msg, 401, false, body);
        if (status == 400) {
            if (code.contains("context_length")) return new ModelError("contextWindowExceeded", msg, 400, false, body);
            return new ModelError("badRequest", "unexpected status 400 Bad Request: " + msg, 400, false, body);
        }
        if (status == 404) return new ModelError("modelNotFound", "unexpected status 404: " + msg, 404, false, body);
        if (status == 429) {
            if (code.contains("insufficient_quota") || code.contains("usage_limit"))
                return new ModelError("usageLimitExceeded", msg, 429, false, body);
            long delay = ResponsesClient.retryDelayFrom(msg);
            return new ModelError("rateLimitExceeded", "unexpected status 429 Too Many Requests: " + msg, 429, true, body, delay);
        }
        if (status >= 500) {
            return new ModelError("internalServerError", "unexpected status " + status + ": " + msg, status, true, body);
        }
        return new ModelError("other", "unexpected status " + status + ": " + msg, status, false, body);
    }

    static ModelError fromResponseError(JsonNode err) {
        String code = err.path("code").asText("");
        String msg = err.path("message").asText("model response failed");
        return switch (code) {
            case "context_length_exceeded" -> new ModelError("contextWindowExceeded", msg, null, false, code);
            case "insufficient_quota", "usage_limit_reached" -> new ModelError("usageLimitExceeded", msg, null, false, code);
            case "rate_limit_exceeded" -> new ModelError("rateLimitExceeded", msg, null, true, code,
                    ResponsesClient.retryDelayFrom(msg));
            case "server_error", "server_is_overloaded", "slow_down" ->
                    new ModelError("serverOverloaded", msg, null, true, code);
            default -> new ModelError("other", msg, null, false, code.isEmpty() ? null : code);
        };
    }

    private static JsonNode parseError(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body == null ? "" : body);
            if (n == null) return Json.object();
            return n.has("error") ? n.get("error") : n;
        } catch (Exception e) {
            return Json.object();
        }
    }
}
