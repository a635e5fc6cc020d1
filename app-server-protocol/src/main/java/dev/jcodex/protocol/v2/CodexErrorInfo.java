package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Machine-readable error kind. On the wire it is either a camelCase string ({@code "internalServerError"})
 * or a single-key object ({@code {"responseStreamDisconnected":{"httpStatusCode":null}}}).
 */
public record CodexErrorInfo(Object value) {
    @JsonCreator
    public CodexErrorInfo {}

    @JsonValue
    public Object value() { return value; }

    public static CodexErrorInfo of(String kind) { return new CodexErrorInfo(kind); }

    public static CodexErrorInfo withHttpStatus(String kind, Integer httpStatusCode) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("httpStatusCode", httpStatusCode);
        return new CodexErrorInfo(Map.of(kind, inner));
    }
}
