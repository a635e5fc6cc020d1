package dev.jcodex.appserver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The README's demo: a fresh CODEX_HOME configured for the embedded offline model, the real daemon spawned
 * over stdio, one full turn, and every message shown as it crosses the pipe.
 */
public final class Demo {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String prompt;
    private final boolean raw;
    private final PrintStream out = System.out;
    private final boolean color = System.console() != null && System.getenv("NO_COLOR") == null;

    public Demo(String prompt, boolean raw) {
        this.prompt = prompt;
        this.raw = raw;
    }

    public int run() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("jcodex-demo-");
        Path home = Files.createDirectories(root.resolve("codex-home"));
        Path work = Files.createDirectories(root.resolve("work"));
        Files.writeString(home.resolve("config.toml"), """
                # written by `jcodex demo`: the embedded offline model, no key needed
                model = "jcodex-offline"
                model_provider = "offline"
                approval_policy = "untrusted"
                sandbox_mode = "workspace-write"
                """);
        Path log = root.resolve("daemon.stderr.log");
        out.println(dim("demo: CODEX_HOME=" + home + "  cwd=" + work + "  daemon log=" + log));
        out.println(dim("demo: spawning " + String.join(" ", daemonCommand())));
        try (StdioClient c = new StdioClient(daemonCommand(), Map.of("CODEX_HOME", home.toString(),
                "JCODEX_OFFLINE_DELTA_DELAY_MS", "15"), log, this::showSent, this::showReceived)) {
            long t0 = System.nanoTime();
            c.awaitResponse(c.request("initialize", Map.of("clientInfo",
                    Map.of("name", "jcodex-demo", "title", "jcodex demo", "version", "0.1.0"))), TIMEOUT);
            c.notify("initialized");
            JsonNode started = c.awaitResponse(c.request("thread/start", Map.of("cwd", work.toString())), TIMEOUT);
            String threadId = started.path("thread").path("id").asText();
            c.request("turn/start", Map.of("threadId", threadId,
                    "input", List.of(Map.of("type", "text", "text", prompt))));
            JsonNode done;
            while (true) {
                JsonNode n = c.await(m -> "turn/completed".equals(m.path("method").asText())
                        || (m.has("method") && m.has("id")), TIMEOUT);
                if (!n.has("id")) { done = n; break; }
                // The demo plays the user: it approves what the agent asks to do, and says so.
                out.println(dim("demo: approving " + n.path("method").asText() + " (as a user clicking Accept)"));
                c.respond(n.get("id"), Map.of("decision", "accept"));
            }
            String status = done.path("params").path("turn").path("status").asText();
            out.println(dim(String.format("demo: turn %s in %.0f ms (including daemon start)", status,
                    (System.nanoTime() - t0) / 1e6)));
            return "completed".equals(status) ? 0 : 1;
        }
    }

    private List<String> daemonCommand() {
        String launcher = System.getenv("JCODEX_LAUNCHER");
        List<String> cmd = new ArrayList<>();
        if (launcher != null && !launcher.isBlank()) {
            cmd.add(launcher);
        } else {
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("-XX:+DisableAttachMechanism"); // as bin/jcodex (see docs/sandbox.md)
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("dev.jcodex.appserver.cli.Main");
        }
        cmd.add("app-server");
        return cmd;
    }

    private void showSent(String line) {
        if (raw) { out.println("> " + line); return; }
        out.println(paint("36", "→ ") + summarize(line));
    }

    private void showReceived(JsonNode n) {
        if (raw) { out.println("< " + n); return; }
        String method = n.path("method").asText(null);
        if ("item/agentMessage/delta".equals(method) || "item/reasoning/summaryTextDelta".equals(method)) {
            out.println(paint("32", "← ") + method + " " + paint("1", quote(n.path("params").path("delta").asText())));
            return;
        }
        out.println(paint("32", "← ") + summarize(n.toString()));
    }

    private static String summarize(String json) {
        return json.length() > 240 ? json.substring(0, 237) + "..." : json;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    private String paint(String code, String s) { return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s; }

    private String dim(String s) { return paint("2", s); }
}
