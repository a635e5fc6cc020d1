package dev.jcodex.appserver.proxy;

import dev.jcodex.core.util.Json;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** The responses the proxy writes itself: health, CORS preflight, and OpenAI-shaped JSON errors. */
final class ProxyReplies {
    private ProxyReplies() {}

    static FullHttpResponse json(HttpResponseStatus status, String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        return r;
    }

    /** {@code {"error":{"message","type":"proxy_error","code"[,"upstream"]}}}, the shape OpenAI SDKs surface. */
    static FullHttpResponse error(HttpResponseStatus status, String code, String message, String upstreamUrl) {
        var err = Json.object().put("message", message).put("type", "proxy_error").put("code", code);
        if (upstreamUrl != null) err.put("upstream", upstreamUrl);
        return json(status, Json.object().set("error", err).toString());
    }

    static FullHttpResponse health() { return json(HttpResponseStatus.OK, "{\"status\":\"ok\"}"); }

    static FullHttpResponse preflight(HttpHeaders req) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
        String asked = req.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, PATCH, DELETE, OPTIONS")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, asked != null ? asked : "*")
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return r;
    }

    /** Permissive CORS on every response (--allow-cors-any): any origin may call and read every header. */
    static void cors(HttpHeaders h) {
        h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        h.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "*");
    }
}
