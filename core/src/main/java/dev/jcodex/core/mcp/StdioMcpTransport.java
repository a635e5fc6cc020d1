package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stdio MCP server: a child process speaking newline-delimited JSON-RPC on stdin/stdout; its stderr is
 * copied to ours with a prefix (never to our stdout, which carries the protocol). The server is a program
 * the user configured, not something the model chose to run, so like Codex we start it outside the
 * command sandbox.
 */
final class StdioMcpTransport implements McpTransport {
    private final String name;
    private final McpServerConfig.Stdio config;
    private Process process;
    private OutputStream stdin;

    StdioMcpTransport(String name, McpServerConfig.Stdio config) {
        this.name = name;
        this.config = config;
    }

    @Override
    public void start(Consumer<JsonNode> inbound, Consumer<String> closed) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(config.command());
        argv.addAll(config.args());
        ProcessBuilder pb = new ProcessBuilder(argv);
        McpServerEnv.apply(pb.environment(), System.getenv(), config.envVars(), config.env());
        if (config.cwd() != null) pb.directory(Path.of(config.cwd()).toFile());
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IOException("could not start `" + config.command() + "`: " + e.getMessage(), e);
        }
        stdin = process.getOutputStream();
        Process p = process;
        Thread.ofVirtual().name("mcp-stderr-" + name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) System.err.println("mcp[" + name + "]: " + line);
            } catch (IOException ignored) { /* process gone */ }
        });
        Thread.ofVirtual().name("mcp-stdout-" + name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) continue;
                    JsonNode msg;
                    try {
                        msg = Json.MAPPER.readTree(line);
                    } catch (IOException e) {
                        System.err.println("mcp[" + name + "]: ignoring non-JSON output: " + line);
                        continue;
                    }
                    inbound.accept(msg);
                }
            } catch (IOException ignored) { /* closed below */ }
            String why;
            try {
                why = "server exited with code " + p.waitFor();
            } catch (InterruptedException e) {
                why = "server connection closed";
            }
            closed.accept(why);
        });
    }

    @Override
    public synchronized void send(ObjectNode message) {
        try {
            stdin.write(Json.MAPPER.writeValueAsBytes(message));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Process p = process;
        if (p == null) return;
        try { stdin.close(); } catch (IOException ignored) { }
        // The server may have started helpers of its own (npx → node): end the whole tree.
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
