package dev.jcodex.appserver.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcodex.core.config.ModelProviderInfo;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that closes a kept-alive connection just as the next request arrives (what idle timeouts at
 * real providers do): the proxy sends that request again on a fresh connection instead of answering 502.
 */
@Timeout(30)
class ProxyKeptConnectionTest {
    @TempDir Path home;

    @Test
    void requestIsReplayedWhenAKeptConnectionTurnsOutClosed() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!ss.isClosed()) {
                    try {
                        Socket s = ss.accept();
                        connections.incrementAndGet();
                        Thread.ofPlatform().daemon().start(() -> serveOneThenDrop(s));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            ModelProviderInfo p = new ModelProviderInfo("flaky", "Flaky", "http://127.0.0.1:" + ss.getLocalPort() + "/v1",
                    null, "chat", Map.of(), Map.of(), Map.of(), 0, 0, 300_000, false, null);
            try (ProxyServer proxy = ProxyServer.start(new InetSocketAddress("127.0.0.1", 0), false,
                    Upstream.of(p, k -> null, home), false, null)) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI uri = URI.create("http://127.0.0.1:" + proxy.address().getPort() + "/v1/chat/completions");
                for (String body : new String[] {"first", "second", "third"}) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    assertEquals("echo:" + body, r.body());
                }
                assertEquals(3, connections.get(), "one connection per request: each kept one was found closed");
            }
        }
    }

    /** Answers the first request with keep-alive, then closes without answering the second. */
    private static void serveOneThenDrop(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String body = readRequest(in);
            byte[] out = ("echo:" + body).getBytes(StandardCharsets.UTF_8);
            OutputStream o = s.getOutputStream();
            o.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + out.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.write(out);
            o.flush();
            readRequest(in); // the next request on this connection: dropped
        } catch (Exception ignored) {
            // the proxy closed first
        }
    }

    private static String readRequest(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int c; matched < 4 && (c = in.read()) >= 0; ) {
            head.write(c);
            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        String h = head.toString(StandardCharsets.US_ASCII).toLowerCase();
        int i = h.indexOf("content-length:");
        int n = i < 0 ? 0 : Integer.parseInt(h.substring(i + 15, h.indexOf('\r', i)).trim());
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
