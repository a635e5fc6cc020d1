package dev.jcodex.appserver.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A loopback stand-in for a model provider under {@code /v1/}, recording what reached it. */
final class MockProvider implements AutoCloseable {
    record Seen(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().getFirst();
            return null;
        }
    }

    final HttpServer server;
    final AtomicReference<Seen> last = new AtomicReference<>();
    /** The SSE route sends its first event, then waits for this before the last one. */
    final CountDownLatch releaseSse = new CountDownLatch(1);
    volatile CountDownLatch uploadGate = new CountDownLatch(0);
    final Map<String, Long> uploaded = new ConcurrentHashMap<>();

    MockProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/echo", this::echo);
        server.createContext("/v1/sse", this::sse);
        server.createContext("/v1/status", this::status);
        server.createContext("/v1/upload", this::upload);
        server.start();
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    private void echo(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        last.set(new Seen(x.getRequestMethod(), x.getRequestURI().toString(), Map.copyOf(x.getRequestHeaders()), body));
        x.getResponseHeaders().add("X-Upstream", "mock");
        x.getResponseHeaders().add("Keep-Alive", "timeout=5");
        x.getResponseHeaders().add("Proxy-Authenticate", "Basic");
        x.getResponseHeaders().add("Content-Type", "application/json");
        byte[] out = ("{\"echo\":" + body.length + "}").getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, out.length);
        try (OutputStream o = x.getResponseBody()) { o.write(out); }
    }

    private void sse(HttpExchange x) throws IOException {
        x.getRequestBody().readAllBytes();
        x.getResponseHeaders().add("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0); // chunked
        try (OutputStream o = x.getResponseBody()) {
            o.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            o.flush();
            try {
                releaseSse.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            o.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void status(HttpExchange x) throws IOException {
        x.getRequestBody().readAllBytes();
        byte[] out = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}".getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Retry-After", "7");
        x.sendResponseHeaders(429, out.length);
        try (OutputStream o = x.getResponseBody()) { o.write(out); }
    }

    private void upload(HttpExchange x) throws IOException {
        try {
            uploadGate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = x.getRequestBody()) {
            for (int r; (r = in.read(buf)) > 0; ) n += r;
        }
        uploaded.put(x.getRequestURI().getPath(), n);
        byte[] out = ("{\"bytes\":" + n + "}").getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, out.length);
        try (OutputStream o = x.getResponseBody()) { o.write(out); }
    }

    @Override
    public void close() { server.stop(0); }
}
