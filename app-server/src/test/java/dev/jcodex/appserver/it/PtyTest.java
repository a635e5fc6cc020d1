package dev.jcodex.appserver.it;

import static dev.jcodex.appserver.it.ToolTurns.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real pseudo-terminals through the real daemon over stdio: command/exec with {@code tty: true} (+ resize,
 * write, terminate, disconnect) and the model's exec_command with {@code tty: true} driven by write_stdin.
 */
class PtyTest {
    static final Map<String, Object> FULL = Map.of("type", "dangerFullAccess");

    /** Everything command/exec streamed for {@code processId}, per stream name. */
    static String output(Daemon d, String processId, String stream) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : d.received()) {
            JsonNode p = n.path("params");
            if ("command/exec/outputDelta".equals(n.path("method").asText()) && processId.equals(p.path("processId").asText())
                    && stream.equals(p.path("stream").asText())) {
                sb.append(new String(Base64.getDecoder().decode(p.path("deltaBase64").asText()), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    static String awaitOutput(Daemon d, String processId, String wanted) throws InterruptedException {
        long end = System.nanoTime() + Daemon.TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            String out = output(d, processId, "stdout");
            if (out.contains(wanted)) return out;
            Thread.sleep(20);
        }
        throw new AssertionError("no \"" + wanted + "\" from " + processId + ": " + output(d, processId, "stdout"));
    }

    static Map<String, Object> write(String processId, String text) {
        return Map.of("processId", processId, "deltaBase64", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<ProcessHandle> descendants(Daemon d, String commandLineEnd) {
        return d.process().toHandle().descendants().filter(h -> h.info().commandLine().map(c -> c.endsWith(commandLineEnd))
                .orElse(false)).filter(ProcessHandle::isAlive).toList();
    }

    static ProcessHandle awaitDescendant(Daemon d, String commandLineEnd) throws InterruptedException {
        long end = System.nanoTime() + Daemon.TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            List<ProcessHandle> found = descendants(d, commandLineEnd);
            if (!found.isEmpty()) return found.getFirst();
            Thread.sleep(20);
        }
        throw new AssertionError("no process " + commandLineEnd + " under the daemon");
    }

    @Test
    void ttyRunsOnARealTerminalOfTheRequestedSizeInAndOutOfTheSandbox() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            String script = "tty; stty size; [ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo all-ttys; echo to-stderr >&2";
            JsonNode r = d.result(d.request("command/exec", Map.of("command", List.of("bash", "-c", script), "processId", "t1",
                    "tty", true, "size", Map.of("rows", 30, "cols", 100), "sandboxPolicy", FULL)));
            assertEquals(0, r.path("exitCode").asInt());
            assertEquals("", r.path("stdout").asText(), "a tty streams its output");
            String out = output(d, "t1", "stdout");
            assertTrue(out.matches("(?s)/dev/pts/\\d+\r\n30 100\r\nall-ttys\r\nto-stderr\r\n"), out);
            assertEquals("", output(d, "t1", "stderr"), "a terminal is one stream, sent as stdout");

            // no size: 24x80, as Codex
            d.result(d.request("command/exec", Map.of("command", List.of("stty", "size"), "processId", "t2", "tty", true,
                    "sandboxPolicy", FULL)));
            assertEquals("24 80\r\n", output(d, "t2", "stdout"));

            // confined (Landlock here): still its own terminal, and writes stay denied
            Path denied = d.work().resolve("denied.txt");
            JsonNode ro = d.result(d.request("command/exec", Map.of("command", List.of("bash", "-c",
                    "tty; stty size; touch '" + denied + "' 2>/dev/null || echo write-denied"), "processId", "t3", "tty", true,
                    "size", Map.of("rows", 20, "cols", 70), "cwd", d.work().toString(), "sandboxPolicy", Map.of("type", "readOnly"))));
            assertEquals(0, ro.path("exitCode").asInt());
            String confined = output(d, "t3", "stdout");
            assertTrue(confined.contains("20 70\r\nwrite-denied\r\n"), confined);
            assertTrue(confined.startsWith("/dev/"), "a terminal, not 'not a tty': " + confined);
            assertFalse(Files.exists(denied));

            JsonNode noTty = d.awaitResponse(d.request("command/exec", Map.of("command", List.of("true"),
                    "size", Map.of("rows", 5, "cols", 5), "sandboxPolicy", FULL)));
            assertEquals(-32602, noTty.path("error").path("code").asInt());
            assertEquals("command/exec size requires tty: true", noTty.path("error").path("message").asText());
            JsonNode zero = d.awaitResponse(d.request("command/exec", Map.of("command", List.of("true"), "processId", "z",
                    "tty", true, "size", Map.of("rows", 0, "cols", 80), "sandboxPolicy", FULL)));
            assertEquals(-32602, zero.path("error").path("code").asInt());
            assertTrue(d.badLines().isEmpty());
        }
    }

    @Test
    void resizeSetsTheWindowSizeAndTheChildGetsSigwinch() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            long exec = d.request("command/exec", Map.of("command", List.of("bash", "-c",
                    "trap 'echo winch' WINCH; echo ready $(stty size); read line; echo after $(stty size) $line"),
                    "processId", "r", "tty", true, "size", Map.of("rows", 10, "cols", 40), "sandboxPolicy", FULL));
            awaitOutput(d, "r", "ready 10 40");
            assertTrue(d.result(d.request("command/exec/resize", Map.of("processId", "r",
                    "size", Map.of("rows", 50, "cols", 132)))).isEmpty());
            JsonNode bad = d.awaitResponse(d.request("command/exec/resize", Map.of("processId", "r",
                    "size", Map.of("rows", 0, "cols", 0))));
            assertEquals(-32602, bad.path("error").path("code").asInt());
            assertEquals("command/exec size rows and cols must be greater than 0", bad.path("error").path("message").asText());
            d.result(d.request("command/exec/write", write("r", "go\n")));
            assertEquals(0, UtilityMethodsTest.anyOrder(d, exec).path("result").path("exitCode").asInt());
            String out = output(d, "r", "stdout");
            assertTrue(out.contains("winch\r\n"), "SIGWINCH reached the foreground group: " + out);
            assertTrue(out.contains("after 50 132 go\r\n"), out);

            // a piped process has no terminal to resize; an unknown one is not there
            long piped = d.request("command/exec", Map.of("command", List.of("cat"), "processId", "p", "streamStdin", true,
                    "streamStdoutStderr", true, "sandboxPolicy", FULL));
            JsonNode notTty = d.awaitResponse(d.request("command/exec/resize", Map.of("processId", "p",
                    "size", Map.of("rows", 5, "cols", 5))));
            assertEquals(-32600, notTty.path("error").path("code").asInt());
            assertEquals("failed to resize PTY: process is not attached to a PTY", notTty.path("error").path("message").asText());
            JsonNode unknown = d.awaitResponse(d.request("command/exec/resize", Map.of("processId", "nope",
                    "size", Map.of("rows", 5, "cols", 5))));
            assertEquals(-32600, unknown.path("error").path("code").asInt());
            d.result(d.request("command/exec/write", Map.of("processId", "p", "closeStdin", true)));
            assertEquals(0, UtilityMethodsTest.anyOrder(d, piped).path("result").path("exitCode").asInt());
        }
    }

    @Test
    void interactiveProgramRoundTripAndEndOfInput() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            long exec = d.request("command/exec", Map.of("command", List.of("python3", "-i", "-q"), "processId", "py",
                    "tty", true, "sandboxPolicy", FULL, "env", Map.of("TERM", "dumb")));
            awaitOutput(d, "py", ">>> ");
            d.result(d.request("command/exec/write", write("py", "print(6*7)\n")));
            String out = awaitOutput(d, "py", "42\r\n>>> ");
            assertTrue(out.contains("print(6*7)\r\n"), "the terminal echoes what was typed: " + out);
            // closeStdin on a terminal is end-of-file (^D): the interpreter leaves
            d.result(d.request("command/exec/write", Map.of("processId", "py", "closeStdin", true)));
            assertEquals(0, UtilityMethodsTest.anyOrder(d, exec).path("result").path("exitCode").asInt());
        }
    }

    @Test
    void terminateKillsTheWholeProcessGroupAndDisconnectKillsTheRest() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            long exec = d.request("command/exec", Map.of("command", List.of("bash", "-c",
                    "(exec sleep 1234) & sleep 1235; echo never"), "processId", "g", "tty", true, "sandboxPolicy", FULL));
            List<ProcessHandle> group = List.of(awaitDescendant(d, "sleep 1234"), awaitDescendant(d, "sleep 1235"));
            d.result(d.request("command/exec/terminate", Map.of("processId", "g")));
            assertEquals(137, UtilityMethodsTest.anyOrder(d, exec).path("result").path("exitCode").asInt());
            for (ProcessHandle h : group) {
                h.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(h.isAlive(), "survived terminate: " + h.info());
            }
            assertFalse(output(d, "g", "stdout").contains("never"));

            d.request("command/exec", Map.of("command", List.of("bash", "-c", "sleep 4321; echo never"),
                    "processId", "k", "tty", true, "sandboxPolicy", FULL));
            ProcessHandle leftover = awaitDescendant(d, "sleep 4321");
            // The client goes away (stdin EOF). The daemon answers what is in flight within its drain bound, then
            // the connection closes and takes its processes with it, before the daemon exits by itself.
            d.process().getOutputStream().close();
            leftover.onExit().get(40, TimeUnit.SECONDS);
            assertFalse(leftover.isAlive());
            assertTrue(d.process().waitFor(40, TimeUnit.SECONDS));
            assertEquals(0, d.process().exitValue(), "the daemon exited on its own, it was not killed");
        }
    }

    @Test
    void execCommandWithTtyRunsAnInteractiveShellDrivenByWriteStdin() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            String start = Daemon.M.createObjectNode().put("cmd", "exec bash --norc --noprofile -i").put("tty", true)
                    .put("login", false).put("yield_time_ms", 1000).toString();
            String type = Daemon.M.createObjectNode().put("session_id", 1)
                    .put("chars", "echo tty=$(tty) size=$(stty size) sum=$((6*7))\n").put("yield_time_ms", 500).toString();
            String leave = Daemon.M.createObjectNode().put("session_id", 1).put("chars", "exit 5\n")
                    .put("yield_time_ms", 30_000).toString();
            mock.next().functionCall("call_start", "exec_command", start).completed();
            mock.next().functionCall("call_type", "write_stdin", type).completed();
            mock.next().functionCall("call_leave", "write_stdin", leave).completed();
            mock.next().message("done", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "never", "workspace-write");
                d.startTurn(threadId, "use a shell");
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());

                List<String> outputs = new ArrayList<>();
                for (JsonNode item : mock.requests().getLast().path("input")) {
                    if ("function_call_output".equals(item.path("type").asText())) outputs.add(item.path("output").asText());
                }
                assertEquals(3, outputs.size(), outputs.toString());
                assertTrue(outputs.get(0).contains("Process running with session ID 1"), outputs.get(0));
                // the shell's answer may land in either write_stdin call, depending on how fast it is
                String typed = outputs.get(1) + outputs.get(2);
                assertTrue(typed.matches("(?s).*tty=/dev/pts/\\d+ size=24 80 sum=42\r\n.*"), typed);
                assertTrue(outputs.get(2).contains("Process exited with code 5"), outputs.get(2));

                JsonNode item = completed(d, "commandExecution").getFirst();
                assertEquals("completed", item.path("status").asText(), "the call's item completes while the session runs");
                assertEquals("1", item.path("processId").asText());
                assertTrue(d.badLines().isEmpty());
            }
        }
    }
}
