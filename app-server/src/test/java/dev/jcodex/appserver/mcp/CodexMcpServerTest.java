package dev.jcodex.appserver.mcp;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code jcodex mcp-server} spawned for real over stdio: the MCP handshake, tools/list, a {@code codex}
 * call on the offline model, and a {@code codex-reply} continuing the same thread in the same process.
 */
class CodexMcpServerTest {
    static final ObjectMapper M = new ObjectMapper();

    @Test
    void codexThenCodexReplyOnOneThread() throws Exception {
        Path root = Files.createTempDirectory("jcodex-mcpserver-");
        Path home = Files.createDirectories(root.resolve("home"));
        Path work = Files.createDirectories(root.resolve("work"));
        Files.writeString(home.resolve("config.toml"), "model_provider = \"offline\"\nmodel = \"jcodex-offline\"\n");
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED", "-XX:+DisableAttachMechanism",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", System.getProperty("java.class.path"),
                "dev.jcodex.appserver.cli.Main", "mcp-server");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(root.resolve("stderr.log").toFile());
        pb.environment().put("CODEX_HOME", home.toString());
        Process p = pb.start();
        LinkedBlockingQueue<JsonNode> in = new LinkedBlockingQueue<>();
        List<String> bad = new ArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    try { in.add(M.readTree(line)); } catch (Exception e) { bad.add(line); }
                }
            } catch (Exception ignored) { }
        });
        OutputStream out = p.getOutputStream();
        try {
            JsonNode init = call(out, in, 1, "initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
            assertEquals("2.0", init.path("jsonrpc").asText());
            assertEquals("2025-06-18", init.path("result").path("protocolVersion").asText());
            assertTrue(init.path("result").path("capabilities").has("tools"));
            send(out, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

            JsonNode list = call(out, in, 2, "tools/list", "{}");
            List<String> names = new ArrayList<>();
            for (JsonNode t : list.path("result").path("tools")) names.add(t.path("name").asText());
            assertEquals(List.of("codex", "codex-reply"), names);
            assertEquals("prompt", list.path("result").path("tools").path(0).path("inputSchema").path("required").path(0).asText());

            JsonNode first = call(out, in, 3, "tools/call", M.writeValueAsString(java.util.Map.of("name", "codex",
                    "arguments", java.util.Map.of("prompt", "Say hello", "cwd", work.toString(), "sandbox", "read-only"))));
            JsonNode r1 = first.path("result");
            assertFalse(r1.path("isError").asBoolean(false), first.toString());
            String threadId = r1.path("structuredContent").path("threadId").asText();
            assertFalse(threadId.isEmpty(), first.toString());
            assertTrue(r1.path("structuredContent").path("content").asText().contains("Say hello"), first.toString());
            assertEquals(r1.path("structuredContent").path("content").asText(), r1.path("content").path(0).path("text").asText());

            JsonNode second = call(out, in, 4, "tools/call", M.writeValueAsString(java.util.Map.of("name", "codex-reply",
                    "arguments", java.util.Map.of("prompt", "And again", "threadId", threadId))));
            JsonNode r2 = second.path("result");
            assertFalse(r2.path("isError").asBoolean(false), second.toString());
            assertEquals(threadId, r2.path("structuredContent").path("threadId").asText());
            assertTrue(r2.path("structuredContent").path("content").asText().contains("And again"), second.toString());

            JsonNode unknown = call(out, in, 5, "tools/call", "{\"name\":\"nope\",\"arguments\":{}}");
            assertEquals(-32602, unknown.path("error").path("code").asInt(), unknown.toString());
            JsonNode noMethod = call(out, in, 6, "resources/list", "{}");
            assertEquals(-32601, noMethod.path("error").path("code").asInt(), noMethod.toString());
            assertTrue(bad.isEmpty(), "non-JSON on stdout: " + bad);
        } finally {
            out.close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(root.resolve("stderr.log")));
    }

    /**
     * An inner turn's command approval goes to the MCP client as {@code elicitation/create} (Codex's
     * exec-approval fields); accept runs the command, decline (on codex-reply) skips it and tells the model.
     */
    @Test
    void commandApprovalsBecomeElicitations() throws Exception {
        Path root = Files.createTempDirectory("jcodex-mcpserver-approve-");
        Path home = Files.createDirectories(root.resolve("home"));
        Path work = Files.createDirectories(root.resolve("work"));
        try (dev.jcodex.appserver.testing.MockResponses mock = new dev.jcodex.appserver.testing.MockResponses()) {
            String args1 = M.createObjectNode().put("cmd", "echo one > one.txt").put("login", false).toString();
            String args2 = M.createObjectNode().put("cmd", "echo two > two.txt").put("login", false).toString();
            mock.next().functionCall("call_1", "exec_command", args1).completed();
            mock.next().message("wrote one", 1).completed();
            mock.next().functionCall("call_2", "exec_command", args2).completed();
            mock.next().message("two was refused", 1).completed();
            Files.writeString(home.resolve("config.toml"), mock.configToml(""));
            List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED", "-XX:+DisableAttachMechanism",
                    "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", System.getProperty("java.class.path"),
                    "dev.jcodex.appserver.cli.Main", "mcp-server");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(root.resolve("stderr.log").toFile());
            pb.environment().put("CODEX_HOME", home.toString());
            pb.environment().put("MOCK_API_KEY", "test");
            Process p = pb.start();
            LinkedBlockingQueue<JsonNode> in = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) in.add(M.readTree(line));
                } catch (Exception ignored) { }
            });
            OutputStream out = p.getOutputStream();
            try {
                call(out, in, 1, "initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
                send(out, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                send(out, M.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/call", "params",
                        java.util.Map.of("name", "codex", "arguments", java.util.Map.of("prompt", "write one", "cwd", work.toString(),
                                "approval-policy", "untrusted", "sandbox", "danger-full-access")))));
                JsonNode ask = next(in, n -> "elicitation/create".equals(n.path("method").asText()));
                JsonNode ap = ask.path("params");
                assertEquals("exec-approval", ap.path("codex_elicitation").asText(), ap.toString());
                assertEquals("call_1", ap.path("codex_call_id").asText());
                assertEquals(work.toString(), ap.path("codex_cwd").asText());
                assertEquals("echo one > one.txt", ap.path("codex_command").path(2).asText(), ap.toString());
                assertTrue(ap.path("message").asText().contains("echo one > one.txt"), ap.toString());
                assertEquals("object", ap.path("requestedSchema").path("type").asText());
                assertFalse(Files.exists(work.resolve("one.txt")), "nothing runs before the answer");
                send(out, M.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", ask.get("id"), "result",
                        java.util.Map.of("action", "accept", "content", java.util.Map.of()))));
                JsonNode first = next(in, n -> n.path("id").asInt(-1) == 2 && !n.has("method"));
                assertFalse(first.path("result").path("isError").asBoolean(false), first.toString());
                assertEquals("one\n", Files.readString(work.resolve("one.txt")));
                String threadId = first.path("result").path("structuredContent").path("threadId").asText();

                send(out, M.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 3, "method", "tools/call", "params",
                        java.util.Map.of("name", "codex-reply", "arguments", java.util.Map.of("prompt", "write two", "threadId", threadId)))));
                JsonNode ask2 = next(in, n -> "elicitation/create".equals(n.path("method").asText()));
                assertEquals("call_2", ask2.path("params").path("codex_call_id").asText());
                // Codex's older answer shape is understood too.
                send(out, M.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", ask2.get("id"), "result",
                        java.util.Map.of("decision", "denied"))));
                JsonNode second = next(in, n -> n.path("id").asInt(-1) == 3 && !n.has("method"));
                assertEquals("two was refused", second.path("result").path("structuredContent").path("content").asText(), second.toString());
                assertFalse(Files.exists(work.resolve("two.txt")), "a declined command does not run");
                assertTrue(mock.requests().get(3).toString().contains("rejected by user"), "the model is told");
            } finally {
                out.close();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), Files.readString(root.resolve("stderr.log")));
        }
    }

    static JsonNode next(LinkedBlockingQueue<JsonNode> in, java.util.function.Predicate<JsonNode> p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode n = in.poll(1, TimeUnit.SECONDS);
            if (n != null && p.test(n)) return n;
        }
        throw new AssertionError("timed out waiting for a message");
    }

    static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static JsonNode call(OutputStream out, LinkedBlockingQueue<JsonNode> in, int id, String method, String params) throws Exception {
        send(out, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode n = in.poll(1, TimeUnit.SECONDS);
            if (n != null && n.path("id").asInt(-1) == id && !n.has("method")) return n;
        }
        throw new AssertionError("no reply to " + method);
    }
}
