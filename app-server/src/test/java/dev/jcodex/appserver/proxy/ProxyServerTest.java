package dev.jcodex.appserver.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.config.AuthStore;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.util.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProxyServerTest {
    @TempDir Path home;
    MockProvider mock;
    ProxyServer proxy;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startMock() throws Exception { mock = new MockProvider(); }

    @AfterEach
    void stop() {
        if (proxy != null) proxy.close();
        mock.close();
    }

    static ModelProviderInfo provider(String baseUrl, String envKey, boolean openaiAuth) {
        return new ModelProviderInfo("test", "Test", baseUrl, envKey, "chat", Map.of(), Map.of("X-Static", "s"),
                Map.of(), 0, 0, 300_000, openaiAuth, null);
    }

    private String start(ModelProviderInfo p, Map<String, String> env, boolean cors) throws Exception {
        proxy = ProxyServer.start(new InetSocketAddress("127.0.0.1", 0), false, Upstream.of(p, env::get, home), cors, null);
        return "http://127.0.0.1:" + proxy.address().getPort();
    }

    private String startDefault() throws Exception {
        return start(provider(mock.baseUrl(), "TEST_KEY", false), Map.of("TEST_KEY", "sk-env"), false);
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBody() throws Exception {
        String base = startDefault();
        HttpResponse<String> r = post(base + "/v1/echo?a=1&b=two", "{\"model\":\"m\"}", "Content-Type", "application/json",
                "X-Custom", "kept");
        assertEquals(200, r.statusCode());
        assertEquals("{\"echo\":13}", r.body());
        assertEquals("mock", r.headers().firstValue("x-upstream").orElse(null));
        MockProvider.Seen seen = mock.last.get();
        assertEquals("POST", seen.method());
        assertEquals("/v1/echo?a=1&b=two", seen.uri());
        assertEquals("{\"model\":\"m\"}", new String(seen.body(), StandardCharsets.UTF_8));
        assertEquals("kept", seen.header("X-Custom"));
        assertEquals("application/json", seen.header("Content-Type"));
        assertEquals("s", seen.header("X-Static"), "the provider's http_headers are added");
        assertEquals("127.0.0.1:" + mock.server.getAddress().getPort(), seen.header("Host"), "Host is the upstream's");
    }

    @Test
    void hopByHopHeadersAreStrippedBothWays() throws Exception {
        String base = startDefault();
        int port = URI.create(base).getPort();
        try (Socket s = new Socket("127.0.0.1", port)) {
            String req = "POST /v1/echo HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive, X-Secret-Hop\r\n"
                    + "X-Secret-Hop: 1\r\nKeep-Alive: timeout=9\r\nProxy-Authorization: Basic eA==\r\nTE: trailers\r\n"
                    + "Trailer: X-T\r\nUpgrade: h2c\r\nX-End-To-End: yes\r\nContent-Length: 2\r\n\r\nhi";
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            Raw r = Raw.read(s.getInputStream());
            assertEquals(200, r.status);
            assertNull(r.header("keep-alive"), "the provider's Keep-Alive is not forwarded");
            assertNull(r.header("proxy-authenticate"));
            assertEquals("mock", r.header("x-upstream"));
        }
        MockProvider.Seen seen = mock.last.get();
        assertEquals("yes", seen.header("X-End-To-End"));
        assertEquals("hi", new String(seen.body(), StandardCharsets.UTF_8));
        for (String h : new String[] {"X-Secret-Hop", "Keep-Alive", "Proxy-Authorization", "TE", "Trailer", "Upgrade"}) {
            assertNull(seen.header(h), h + " must not reach the provider");
        }
        String conn = seen.header("Connection");
        assertTrue(conn == null || !conn.toLowerCase().contains("x-secret-hop"), "Connection is the proxy's own: " + conn);
    }

    @Test
    void incomingBearerIsForwardedUnchanged() throws Exception {
        String base = startDefault();
        post(base + "/v1/echo", "x", "Authorization", "Bearer sk-client");
        assertEquals("Bearer sk-client", mock.last.get().header("Authorization"));
    }

    @Test
    void envKeyIsInjectedWhenTheClientSendsNone() throws Exception {
        String base = startDefault();
        post(base + "/v1/echo", "x");
        assertEquals("Bearer sk-env", mock.last.get().header("Authorization"));
    }

    @Test
    void authJsonKeyIsUsedForOpenAiAuthProvidersWithoutTheEnvVar() throws Exception {
        AuthStore.saveApiKey(home, "sk-saved");
        String base = start(provider(mock.baseUrl(), "OPENAI_API_KEY", true), Map.of(), false);
        post(base + "/v1/echo", "x");
        assertEquals("Bearer sk-saved", mock.last.get().header("Authorization"));
    }

    @Test
    void savedOpenAiKeyIsNotSentToOtherProviders() throws Exception {
        AuthStore.saveApiKey(home, "sk-saved");
        String base = start(provider(mock.baseUrl(), null, false), Map.of(), false);
        HttpResponse<String> r = post(base + "/v1/echo", "x");
        assertEquals(200, r.statusCode(), "a provider without env_key needs no key (e.g. Ollama)");
        assertNull(mock.last.get().header("Authorization"));
    }

    @Test
    void noKeyAnywhereIsA401FromTheProxy() throws Exception {
        String base = start(provider(mock.baseUrl(), "TEST_KEY", false), Map.of(), false);
        HttpResponse<String> r = post(base + "/v1/echo", "x");
        assertEquals(401, r.statusCode());
        JsonNode err = Json.MAPPER.readTree(r.body()).path("error");
        assertEquals("missing_api_key", err.path("code").asText());
        assertTrue(err.path("message").asText().contains("TEST_KEY"), err.toString());
        assertNull(mock.last.get(), "nothing reached the provider");
    }

    @Test
    void sseChunksArriveBeforeTheStreamEnds() throws Exception {
        String base = startDefault();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/sse"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("content-type").orElse(null));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            // the provider holds the last event until we have read the first one: a buffering proxy hangs here
            assertEquals("data: first", in.readLine());
            assertEquals(1, mock.releaseSse.getCount(), "the last event was not sent yet");
            mock.releaseSse.countDown();
            assertEquals("", in.readLine());
            assertEquals("data: [DONE]", in.readLine());
        }
    }

    @Test
    void providerStatusAndBodyPassThrough() throws Exception {
        String base = startDefault();
        HttpResponse<String> r = post(base + "/v1/status", "{}");
        assertEquals(429, r.statusCode());
        assertEquals("7", r.headers().firstValue("retry-after").orElse(null));
        assertEquals("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}", r.body());
    }

    @Test
    void providerDownIs502NamingTheUpstreamUrl() throws Exception {
        int dead;
        try (ServerSocket ss = new ServerSocket(0)) { dead = ss.getLocalPort(); }
        String base = start(provider("http://127.0.0.1:" + dead + "/v1", null, false), Map.of(), false);
        HttpResponse<String> r = post(base + "/v1/chat/completions", "{}");
        assertEquals(502, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(null));
        JsonNode err = Json.MAPPER.readTree(r.body()).path("error");
        String url = "http://127.0.0.1:" + dead + "/v1/chat/completions";
        assertEquals(url, err.path("upstream").asText());
        assertTrue(err.path("message").asText().contains(url), err.toString());
    }

    @Test
    void silentProviderIs504AfterTheStreamIdleTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().read(new byte[4096]);
                    Thread.sleep(10_000); // accepts the request, never answers
                } catch (Exception ignored) {
                    // closed by the proxy
                }
            });
            ModelProviderInfo p = new ModelProviderInfo("slow", "Slow", "http://127.0.0.1:" + silent.getLocalPort() + "/v1",
                    null, "chat", Map.of(), Map.of(), Map.of(), 0, 0, 300, false, null);
            proxy = ProxyServer.start(new InetSocketAddress("127.0.0.1", 0), false, Upstream.of(p, k -> null, home), false, null);
            long t0 = System.nanoTime();
            HttpResponse<String> r = post("http://127.0.0.1:" + proxy.address().getPort() + "/v1/responses", "{}");
            assertEquals(504, r.statusCode(), r.body());
            assertTrue(r.body().contains("stream_idle_timeout_ms") && r.body().contains("/v1/responses"), r.body());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered after the 300 ms timeout, not the socket's");
        }
    }

    @Test
    void keepAliveConnectionServesManyRequests() throws Exception {
        String base = startDefault();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = post(base + "/v1/echo", "n" + i);
            assertEquals(200, r.statusCode());
            assertEquals("{\"echo\":" + ("n" + i).length() + "}", r.body());
        }
        assertEquals(429, post(base + "/v1/status", "").statusCode(), "a later request on the same connection");
    }

    @Test
    void health() throws Exception {
        String base = startDefault();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\"}", r.body());
        assertNull(mock.last.get());
    }

    @Test
    void pathsOutsideV1Are404() throws Exception {
        String base = startDefault();
        HttpResponse<String> r = post(base + "/chat/completions", "{}");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("/v1/"), r.body());
    }

    @Test
    void corsOnAnswersPreflightAndMarksResponses() throws Exception {
        String base = start(provider(mock.baseUrl(), "TEST_KEY", false), Map.of("TEST_KEY", "k"), true);
        HttpResponse<String> pre = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/echo"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, pre.statusCode());
        assertEquals("*", pre.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("authorization, content-type", pre.headers().firstValue("access-control-allow-headers").orElse(null));
        assertTrue(pre.headers().firstValue("access-control-allow-methods").orElse("").contains("POST"));
        assertNull(mock.last.get(), "the preflight is answered by the proxy");
        HttpResponse<String> r = post(base + "/v1/echo", "x", "Origin", "http://app.example");
        assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null));
    }

    @Test
    void corsOffAddsNothingAndForwardsOptions() throws Exception {
        String base = startDefault();
        HttpResponse<String> pre = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/echo"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://app.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("OPTIONS", mock.last.get().method(), "without --allow-cors-any the provider decides");
        assertTrue(pre.headers().firstValue("access-control-allow-origin").isEmpty());
        HttpResponse<String> r = post(base + "/v1/echo", "x", "Origin", "http://app.example");
        assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void nonLoopbackBindIsRefusedWithoutTheFlag() throws Exception {
        Upstream up = Upstream.of(provider(mock.baseUrl(), null, false), k -> null, home);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxyServer.start(new InetSocketAddress("0.0.0.0", 0), false, up, false, null));
        assertTrue(e.getMessage().contains("--allow-non-loopback"), e.getMessage());
        try (ProxyServer p = ProxyServer.start(new InetSocketAddress("0.0.0.0", 0), true, up, false, null)) {
            assertTrue(p.address().getPort() > 0);
        }
    }

    @Test
    void offlineProviderIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Upstream.of(provider(null, null, false), k -> null, home));
        assertTrue(e.getMessage().contains("no base_url"), e.getMessage());
    }

    @Test
    void baseUrlPathAndQueryParamsAreKept() throws Exception {
        ModelProviderInfo p = new ModelProviderInfo("azure", "Azure", mock.baseUrl() + "/", null, "responses",
                Map.of("api-version", "2025-04-01"), Map.of(), Map.of("X-Env-H", "H_VAR"), 0, 0, 300_000, false, null);
        proxy = ProxyServer.start(new InetSocketAddress("127.0.0.1", 0), false,
                Upstream.of(p, Map.of("H_VAR", "hv")::get, home), false, null);
        post("http://127.0.0.1:" + proxy.address().getPort() + "/v1/echo?x=1", "b");
        assertEquals("/v1/echo?x=1&api-version=2025-04-01", mock.last.get().uri());
        assertEquals("hv", mock.last.get().header("X-Env-H"));
    }

    /** A provider that does not read yet must stall the client's upload, not fill the proxy's memory. */
    @Test
    void uploadIsBackpressuredNotBuffered() throws Exception {
        String base = startDefault();
        mock.uploadGate = new CountDownLatch(1);
        long total = 512L << 20;
        AtomicLong written = new AtomicLong();
        try (Socket s = new Socket("127.0.0.1", URI.create(base).getPort())) {
            s.setSoTimeout(30_000);
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    OutputStream o = s.getOutputStream();
                    o.write(("POST /v1/upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                            + "Content-Length: " + total + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    for (long n = 0; n < total; n += chunk.length) {
                        o.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                    o.flush();
                } catch (Exception ignored) {
                    // the test fails on the byte counts below
                }
            });
            long before = -1;
            for (int i = 0; i < 40; i++) { // wait until the writer is stalled
                Thread.sleep(100);
                long now = written.get();
                if (now == before && now > 0) break;
                before = now;
            }
            long stalledAt = written.get();
            assertTrue(stalledAt < 96L << 20, "the upload should stall at the socket buffers, but " + (stalledAt >> 20)
                    + " MiB were accepted while the provider read nothing");
            mock.uploadGate.countDown();
            writer.join(30_000);
            Raw r = Raw.read(s.getInputStream());
            assertEquals(200, r.status);
            assertEquals("{\"bytes\":" + total + "}", r.body);
        }
        assertEquals(total, mock.uploaded.get("/v1/upload"));
    }

    @Test
    void chunkedUploadPassesThrough() throws Exception {
        String base = startDefault();
        byte[] data = new byte[3 << 20];
        new java.util.Random(1).nextBytes(data);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/echo"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(data))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertArrayEquals(data, mock.last.get().body());
        assertNotNull(mock.last.get().header("Transfer-Encoding"));
    }

    /** A minimal HTTP/1.1 response reader for tests that need the exact headers. */
    record Raw(int status, Map<String, String> headers, String body) {
        String header(String n) { return headers.get(n.toLowerCase()); }

        static Raw read(InputStream in) throws Exception {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> h = new java.util.HashMap<>();
            for (String l; !(l = line(in)).isEmpty(); ) {
                int c = l.indexOf(':');
                h.put(l.substring(0, c).trim().toLowerCase(), l.substring(c + 1).trim());
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (h.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(h.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
                for (int n; (n = Integer.parseInt(line(in).trim(), 16)) > 0; ) {
                    body.write(in.readNBytes(n));
                    line(in);
                }
                line(in);
            }
            return new Raw(status, h, body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws Exception {
            StringBuilder sb = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) throw new java.io.EOFException("connection closed after: " + sb);
                if (c != '\r') sb.append((char) c);
            }
            return sb.toString();
        }
    }
}
