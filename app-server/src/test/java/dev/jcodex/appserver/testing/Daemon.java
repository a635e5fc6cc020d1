package dev.jcodex.appserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The real daemon ({@code jcodex app-server}) spawned as a child process over stdio, as an IDE does, with
 * a private CODEX_HOME. Every stdout line must parse as JSON (a test fails otherwise); messages are kept in
 * arrival order so tests can assert on sequences.
 */
public final class Daemon implements AutoCloseable {
    public static final ObjectMapper M = new ObjectMapper();
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final OutputStream stdin;
    private final Path home;
    private final Path work;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> badLines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1);
    private final Thread reader;

    /** Spawns a daemon whose CODEX_HOME holds {@code configToml} (null: no config file). */
    public static Daemon start(String configToml) throws IOException {
        return start(configToml, Map.of(), List.of());
    }

    public static Daemon start(String configToml, Map<String, String> env, List<String> extraArgs) throws IOException {
        Path root = Files.createTempDirectory("jcodex-test-");
        Path home = Files.createDirectories(root.resolve("home"));
        Path work = Files.createDirectories(root.resolve("work"));
        if (configToml != null) Files.writeString(home.resolve("config.toml"), configToml);
        return new Daemon(home, work, env, extraArgs);
    }

    /**
     * Spawns a daemon whose command line is prefixed by {@code wrapper} (e.g. {@code unshare -m sh -c '…' sh}),
     * for tests that change the daemon's environment beyond env vars (a tiny file system for disk-full).
     */
    public static Daemon startWrapped(String configToml, List<String> wrapper, Map<String, String> env) throws IOException {
        Path root = Files.createTempDirectory("jcodex-test-");
        Path home = Files.createDirectories(root.resolve("home"));
        Path work = Files.createDirectories(root.resolve("work"));
        if (configToml != null) Files.writeString(home.resolve("config.toml"), configToml);
        return new Daemon(home, work, env, List.of(), wrapper);
    }

    /** Spawns another daemon on an existing CODEX_HOME (restart after a crash). */
    public static Daemon restart(Path home, Path work) throws IOException {
        return new Daemon(home, work, Map.of(), List.of());
    }

    private Daemon(Path home, Path work, Map<String, String> env, List<String> extraArgs) throws IOException {
        this(home, work, env, extraArgs, List.of());
    }

    private Daemon(Path home, Path work, Map<String, String> env, List<String> extraArgs, List<String> wrapper)
            throws IOException {
        this.home = home;
        this.work = work;
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:+DisableAttachMechanism"); // as bin/jcodex: no attach socket a sandboxed command could drive
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.jcodex.appserver.cli.Main");
        cmd.addAll(extraArgs);
        cmd.add("app-server");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().put("CODEX_HOME", home.toString());
        pb.environment().put("MOCK_API_KEY", "test-key");
        pb.environment().putAll(env);
        pb.redirectError(home.resolve("daemon.stderr.log").toFile());
        process = pb.start();
        stdin = process.getOutputStream();
        reader = Thread.ofPlatform().daemon(true).start(this::readLoop);
    }

    public Path home() { return home; }
    public Path work() { return work; }
    public Process process() { return process; }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    JsonNode n = M.readTree(line);
                    if (n == null || !n.isObject()) throw new IOException("not an object");
                    all.add(n);
                    inbox.add(n);
                } catch (IOException e) {
                    badLines.add(line);
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    /** Lines on stdout that were not a JSON object: must stay empty. */
    public List<String> badLines() { return List.copyOf(badLines); }

    public List<JsonNode> received() { return List.copyOf(all); }

    public String stderr() throws IOException { return Files.readString(home.resolve("daemon.stderr.log")); }

    public synchronized void sendLine(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    public synchronized void sendBytes(byte[] raw) throws IOException {
        stdin.write(raw);
        stdin.flush();
    }

    public long request(String method, Object params) throws IOException {
        long id = ids.getAndIncrement();
        ObjectNode m = M.createObjectNode();
        m.put("id", id);
        m.put("method", method);
        if (params != null) m.set("params", M.valueToTree(params));
        sendLine(m.toString());
        return id;
    }

    public void respond(JsonNode id, Object result) throws IOException {
        ObjectNode m = M.createObjectNode();
        m.set("id", id);
        m.set("result", M.valueToTree(result));
        sendLine(m.toString());
    }

    /** The next message (in order) matching {@code p}; earlier non-matching messages are skipped. */
    public JsonNode await(Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode n = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (n == null) throw new AssertionError("timed out; received so far:\n" + String.join("\n",
                    all.stream().map(JsonNode::toString).toList()));
            if (p.test(n)) return n;
        }
    }

    /** The whole response message (with result or error) to request {@code id}. */
    public JsonNode awaitResponse(long id) throws InterruptedException {
        return await(n -> !n.has("method") && n.path("id").asLong(-1) == id && n.path("id").isNumber(), TIMEOUT);
    }

    /** The result of request {@code id}; fails the test on an error reply. */
    public JsonNode result(long id) throws InterruptedException {
        JsonNode r = awaitResponse(id);
        if (r.has("error")) throw new AssertionError("request " + id + " failed: " + r);
        return r.get("result");
    }

    public JsonNode awaitNotification(String method) throws InterruptedException {
        return await(n -> method.equals(n.path("method").asText()) && !n.has("id"), TIMEOUT);
    }

    public JsonNode awaitServerRequest(String method) throws InterruptedException {
        return await(n -> method.equals(n.path("method").asText()) && n.has("id"), TIMEOUT);
    }

    /** initialize + initialized; returns the initialize result. */
    public JsonNode initialize() throws IOException, InterruptedException {
        JsonNode r = result(request("initialize", Map.of("clientInfo", Map.of("name", "jcodex-test", "version", "1.0"))));
        sendLine("{\"method\":\"initialized\"}");
        return r;
    }

    /** thread/start in the work dir; returns the thread id. */
    public String startThread() throws IOException, InterruptedException {
        return result(request("thread/start", Map.of("cwd", work.toString()))).path("thread").path("id").asText();
    }

    /** turn/start with one text input; returns the turn id. */
    public String startTurn(String threadId, String text) throws IOException, InterruptedException {
        return result(request("turn/start", Map.of("threadId", threadId, "input",
                List.of(Map.of("type", "text", "text", text))))).path("turn").path("id").asText();
    }

    /** Methods of all notifications received so far, in order. */
    public List<String> methods() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : received()) if (n.has("method") && !n.has("id")) out.add(n.get("method").asText());
        return out;
    }

    public boolean isAlive() { return process.isAlive(); }

    /** SIGKILL, as a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try { stdin.close(); } catch (IOException ignored) { }
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        reader.join(2000);
    }
}
