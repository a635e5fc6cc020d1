package dev.jcodex.core.model;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import dev.jcodex.core.config.ModelProviderInfo;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a user sees when the provider cannot be used: a missing key, a closed port, 5xx/429 with retries. */
class ProviderFailuresTest {
    /** status 200 answers with a one-message SSE stream; anything else with {@code body}. */
    record Answer(int status, String body) {}

    private HttpServer server;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/responses", ex -> {
            requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            Answer a = answers.poll();
            if (a == null) a = new Answer(200, null);
            if (a.status() != 200) {
                byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(a.status(), b.length);
                ex.getResponseBody().write(b);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(("data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"role\":\"assistant\","
                        + "\"id\":\"m1\",\"content\":[{\"type\":\"output_text\",\"text\":\"ok\"}]}}\n\n"
                        + "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"r1\"}}\n\n").getBytes(StandardCharsets.UTF_8));
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private String base() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    private static ModelProviderInfo provider(String base, String envKey, int retries) {
        return new ModelProviderInfo("gateway", "gateway", base, envKey, "responses", Map.of(), Map.of(), Map.of(),
                retries, 0, 10_000, false, null);
    }

    private static ModelRequest request() {
        return new ModelRequest("m", "", List.of(), List.of(), null, null, null, null, "t", "turn", null);
    }

    /** Collects events and retry announcements. */
    static final class Sink implements ModelStream {
        final List<ResponseEvent> events = new CopyOnWriteArrayList<>();
        final List<Retry> retries = new CopyOnWriteArrayList<>();
        @Override public void on(ResponseEvent event) { events.add(event); }
        @Override public void retrying(Retry retry) { retries.add(retry); }
    }

    @Test
    void anUnsetEnvKeyIsReportedByNameAndNothingIsSent() {
        String var = "JCODEX_TEST_UNSET_" + System.nanoTime();
        ModelError e = assertThrows(ModelError.class, () -> new ResponsesClient(provider(base(), var, 3), Map.of())
                .stream(request(), new Sink(), new Cancellation()));
        assertTrue(e.getMessage().startsWith("Missing environment variable: `" + var + "`. Set it to the API key of "
                + "model provider `gateway` (" + base() + ")"), e.getMessage());
        assertFalse(e.retryable());
        assertEquals(0, requests.get(), "the request went out without its key");
    }

    @Test
    void aClosedPortNamesTheUrlAndWhatToCheck() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        String url = "http://127.0.0.1:" + port + "/v1";
        Sink sink = new Sink();
        ModelError e = assertThrows(ModelError.class,
                () -> new ResponsesClient(provider(url, null, 1), Map.of()).stream(request(), sink, new Cancellation()));
        assertTrue(e.getMessage().startsWith("could not connect to " + url + "/responses (connection refused): is the server "
                + "for model provider `gateway` running and reachable? Check base_url in [model_providers.gateway]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(gave up after 1 retry)"), e.getMessage());
        assertFalse(e.getMessage().contains("java.net"), e.getMessage());
        assertEquals(1, sink.retries.size());
        assertEquals("httpConnectionFailed", sink.retries.getFirst().cause().kind());
    }

    @Test
    void eachRetryIsAnnouncedWithAttemptMaxAndDelayThenTheRequestSucceeds() throws Exception {
        answers.add(new Answer(500, "{\"error\":{\"message\":\"overloaded\"}}"));
        answers.add(new Answer(429, "{\"error\":{\"message\":\"Rate limit reached. Please try again in 50ms.\"}}"));
        Sink sink = new Sink();
        new ResponsesClient(provider(base(), null, 4), Map.of()).stream(request(), sink, new Cancellation());
        assertEquals(3, requests.get());
        assertEquals(2, sink.retries.size());
        assertEquals(1, sink.retries.get(0).attempt());
        assertEquals(4, sink.retries.get(0).max());
        assertTrue(sink.retries.get(0).cause().getMessage().contains("(POST " + base() + "/responses)"),
                sink.retries.get(0).cause().getMessage());
        assertEquals(2, sink.retries.get(1).attempt());
        assertEquals(50, sink.retries.get(1).delayMs());
        assertTrue(sink.events.getLast() instanceof ResponseEvent.Completed);
    }

    @Test
    void cancelCutsAServerSuggestedBackoffAtOnce() throws Exception {
        answers.add(new Answer(429, "{\"error\":{\"message\":\"Rate limit reached. Please try again in 20s.\"}}"));
        Sink sink = new Sink();
        Cancellation cancel = new Cancellation();
        Thread.ofVirtual().start(() -> {
            try {
                while (sink.retries.isEmpty()) Thread.sleep(5);
                Thread.sleep(100);
            } catch (InterruptedException ignored) { }
            cancel.cancel();
        });
        long t0 = System.nanoTime();
        assertThrows(ModelError.class,
                () -> new ResponsesClient(provider(base(), null, 4), Map.of()).stream(request(), sink, cancel));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(20_000, sink.retries.getFirst().delayMs());
        assertTrue(ms < 2_000, "the backoff was waited out: " + ms + " ms");
        assertEquals(1, requests.get());
    }

    @Test
    void aSuggestedDelayAboveTheCapIsNotWaitedFor() {
        answers.add(new Answer(429, "{\"error\":{\"message\":\"Rate limit reached. Please try again in 600s.\"}}"));
        Sink sink = new Sink();
        long t0 = System.nanoTime();
        ModelError e = assertThrows(ModelError.class,
                () -> new ResponsesClient(provider(base(), null, 4), Map.of()).stream(request(), sink, new Cancellation()));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
        assertTrue(e.getMessage().contains("the server asks to wait 600 s"), e.getMessage());
        assertEquals(0, sink.retries.size());
    }
}
