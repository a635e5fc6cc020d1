package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Streamable HTTP (MCP 2025-03-26 and later): every message is a POST; the reply to a request is either a
 * JSON body or an SSE stream that may carry server requests and notifications before the response. The
 * session id from the initialize reply goes on every later request. A POST that fails is turned into an
 * error reply for the request it carried, so the caller sees the HTTP status instead of a timeout.
 */
final class HttpMcpTransport implements McpTransport {
    private final McpServerConfig.Http config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String bearer;
    private volatile String sessionId;
    private volatile String protocolVersion;
    private volatile Consumer<JsonNode> inbound;
    private volatile Consumer<String> closed;

    HttpMcpTransport(McpServerConfig.Http config) {
        this.config = config;
        String var = config.bearerTokenEnvVar();
        this.bearer = var == null ? null : System.getenv(var);
    }

    /** Throws when a configured bearer token variable is unset (a clear startup error beats a 401). */
    @Override
    public void start(Consumer<JsonNode> inbound, Consumer<String> closed) throws IOException {
        if (config.bearerTokenEnvVar() != null && (bearer == null || bearer.isEmpty())) {
            throw new IOException("environment variable " + config.bearerTokenEnvVar() + " (bearer_token_env_var) is not set");
        }
        try {
            URI.create(config.url()).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new IOException("invalid url `" + config.url() + "`: " + e.getMessage());
        }
        this.inbound = inbound;
        this.closed = closed;
    }

    void setProtocolVersion(String v) { this.protocolVersion = v; }

    @Override
    public void send(ObjectNode message) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.url()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(message)));
        config.headers().forEach(b::header);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (sessionId != null) b.header("Mcp-Session-Id", sessionId);
        if (protocolVersion != null) b.header("MCP-Protocol-Version", protocolVersion);
        JsonNode id = message.get("method") != null ? message.get("id") : null;
        // Off the caller's thread: an SSE reply can stay open for as long as the tool runs.
        Thread.ofVirtual().name("mcp-http").start(() -> exchange(b.build(), id));
    }

    private void exchange(HttpRequest req, JsonNode id) {
        try {
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            resp.headers().firstValue("Mcp-Session-Id").ifPresent(s -> sessionId = s);
            int status = resp.statusCode();
            if (status == 202 || status == 204) {
                resp.body().close();
                return;
            }
            if (status == 404 && sessionId != null) {
                resp.body().close();
                closed.accept("HTTP session expired (404)");
                return;
            }
            if (status >= 300) {
                String body;
                try (InputStream in = resp.body()) { body = new String(in.readNBytes(2000), StandardCharsets.UTF_8); }
                fail(id, "HTTP " + status + (body.isBlank() ? "" : ": " + body.strip()));
                return;
            }
            String type = resp.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = resp.body()) {
                if (type.startsWith("text/event-stream")) readSse(in);
                else deliver(Json.MAPPER.readTree(in));
            }
        } catch (IOException e) {
            fail(id, "HTTP request to " + config.url() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readSse(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) deliver(Json.MAPPER.readTree(data.toString()));
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) data.append('\n');
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        }
        if (!data.isEmpty()) deliver(Json.MAPPER.readTree(data.toString()));
    }

    private void deliver(JsonNode n) {
        if (n == null) return;
        if (n.isArray()) n.forEach(inbound);
        else inbound.accept(n);
    }

    private void fail(JsonNode id, String message) {
        if (id == null) {
            System.err.println("mcp: " + message);
            return;
        }
        ObjectNode err = Json.object().put("jsonrpc", "2.0");
        err.set("id", id);
        err.putObject("error").put("code", McpError.CONNECTION_CLOSED).put("message", message);
        inbound.accept(err);
    }

    @Override
    public void close() {
        String sid = sessionId;
        if (sid == null) return;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.url())).DELETE()
                    .header("Mcp-Session-Id", sid).timeout(Duration.ofSeconds(2));
            config.headers().forEach(b::header);
            if (bearer != null) b.header("Authorization", "Bearer " + bearer);
            http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | RuntimeException ignored) {
            // best effort: the server expires the session anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(ObjectNode m) {
        try { return Json.MAPPER.writeValueAsBytes(m); }
        catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }
}
