package dev.jcodex.appserver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.rpc.ProtocolJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A minimal JSON-RPC client of a spawned {@code jcodex app-server} over stdio: the built-in client of the
 * demo. Every line in either direction is shown to an observer.
 */
public final class StdioClient implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final Consumer<String> sentObserver;
    private final Consumer<JsonNode> receivedObserver;

    public StdioClient(List<String> command, java.util.Map<String, String> env, java.nio.file.Path stderrFile,
                       Consumer<String> sentObserver, Consumer<JsonNode> receivedObserver) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(stderrFile.toFile());
        this.process = pb.start();
        this.stdin = process.getOutputStream();
        this.sentObserver = sentObserver;
        this.receivedObserver = receivedObserver;
        Thread.ofVirtual().start(this::readLoop);
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = ProtocolJson.MAPPER.readTree(line);
                receivedObserver.accept(n);
                inbox.add(n);
            }
        } catch (IOException e) {
            System.err.println("demo: reading from the daemon failed: " + e);
        }
    }

    public long request(String method, Object params) throws IOException {
        long id = ids.getAndIncrement();
        ObjectNode m = ProtocolJson.MAPPER.createObjectNode();
        m.put("id", id);
        m.put("method", method);
        m.set("params", ProtocolJson.MAPPER.valueToTree(params));
        send(m);
        return id;
    }

    public void notify(String method) throws IOException {
        ObjectNode m = ProtocolJson.MAPPER.createObjectNode();
        m.put("method", method);
        send(m);
    }

    /** Answers a server → client request. */
    public void respond(JsonNode id, Object result) throws IOException {
        ObjectNode m = ProtocolJson.MAPPER.createObjectNode();
        m.set("id", id);
        m.set("result", ProtocolJson.MAPPER.valueToTree(result));
        send(m);
    }

    private synchronized void send(ObjectNode m) throws IOException {
        String line = m.toString();
        sentObserver.accept(line);
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits for the first message matching {@code p}; messages before it are consumed. */
    public JsonNode await(Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode n = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (n == null) throw new IllegalStateException("timed out waiting for the daemon");
            if (p.test(n)) return n;
        }
    }

    public JsonNode awaitResponse(long id, Duration timeout) throws InterruptedException {
        JsonNode r = await(n -> n.has("id") && !n.has("method") && n.get("id").asLong(-1) == id, timeout);
        if (r.has("error")) throw new IllegalStateException("request " + id + " failed: " + r.get("error"));
        return r.get("result");
    }

    @Override
    public void close() throws IOException {
        stdin.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public int exitCode() throws InterruptedException { return process.waitFor(); }
}
