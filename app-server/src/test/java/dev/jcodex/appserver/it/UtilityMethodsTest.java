package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** command/exec, fs/*, fuzzyFileSearch and skills/list with the shapes Codex clients expect. */
class UtilityMethodsTest {
    static final Map<String, Object> FULL = Map.of("type", "dangerFullAccess");

    /** The response to {@code id} among everything received, whatever came before or after it. */
    static JsonNode anyOrder(Daemon d, long id) throws InterruptedException {
        long end = System.currentTimeMillis() + Daemon.TIMEOUT.toMillis();
        while (System.currentTimeMillis() < end) {
            for (JsonNode n : d.received()) if (!n.has("method") && n.path("id").asLong(-1) == id) return n;
            Thread.sleep(20);
        }
        throw new AssertionError("no response to " + id + ": " + d.received());
    }

    @Test
    void commandExecBufferedStreamedTimedOutCappedAndInteractive() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            JsonNode r = d.result(d.request("command/exec", Map.of("command", List.of("bash", "-c", "echo out; echo err >&2; exit 3"),
                    "cwd", d.work().toString(), "sandboxPolicy", FULL)));
            assertEquals(3, r.path("exitCode").asInt());
            assertEquals("out\n", r.path("stdout").asText());
            assertEquals("err\n", r.path("stderr").asText());

            long streamed = d.request("command/exec", Map.of("command", List.of("bash", "-c", "printf abc; printf xyz >&2"),
                    "processId", "p1", "streamStdoutStderr", true, "sandboxPolicy", FULL));
            JsonNode delta = d.awaitNotification("command/exec/outputDelta");
            assertEquals("p1", delta.path("params").path("processId").asText());
            JsonNode done = d.result(streamed);
            assertEquals("", done.path("stdout").asText());
            StringBuilder all = new StringBuilder();
            for (JsonNode n : d.received()) {
                if ("command/exec/outputDelta".equals(n.path("method").asText())) {
                    all.append(n.path("params").path("stream").asText()).append('=')
                            .append(new String(Base64.getDecoder().decode(n.path("params").path("deltaBase64").asText()), StandardCharsets.UTF_8)).append(';');
                }
            }
            assertTrue(all.toString().contains("stdout=abc") && all.toString().contains("stderr=xyz"), all.toString());

            assertEquals(124, d.result(d.request("command/exec", Map.of("command", List.of("sleep", "5"), "timeoutMs", 200,
                    "sandboxPolicy", FULL))).path("exitCode").asInt());
            assertEquals(10, d.result(d.request("command/exec", Map.of("command", List.of("head", "-c", "1000", "/dev/zero"),
                    "outputBytesCap", 10, "sandboxPolicy", FULL))).path("stdout").asText().length());

            long cat = d.request("command/exec", Map.of("command", List.of("cat"), "processId", "c", "streamStdin", true, "sandboxPolicy", FULL));
            d.result(d.request("command/exec/write", Map.of("processId", "c", "deltaBase64", Base64.getEncoder().encodeToString("hi\n".getBytes()))));
            long close = d.request("command/exec/write", Map.of("processId", "c", "closeStdin", true));
            // the exec's reply and the write's may come in either order
            assertTrue(anyOrder(d, close).has("result"));
            assertEquals("hi\n", anyOrder(d, cat).path("result").path("stdout").asText());

            long sleeper = d.request("command/exec", Map.of("command", List.of("sleep", "30"), "processId", "s", "sandboxPolicy", FULL));
            long term = d.request("command/exec/terminate", Map.of("processId", "s"));
            assertTrue(anyOrder(d, term).has("result"));
            assertEquals(137, anyOrder(d, sleeper).path("result").path("exitCode").asInt());

            JsonNode none = d.awaitResponse(d.request("command/exec/terminate", Map.of("processId", "nope")));
            assertEquals(-32600, none.path("error").path("code").asInt());
            JsonNode empty = d.awaitResponse(d.request("command/exec", Map.of("command", List.of())));
            assertEquals(-32602, empty.path("error").path("code").asInt());

            // read-only sandbox: the write is denied by the kernel
            Path target = d.work().resolve("denied.txt");
            JsonNode ro = d.result(d.request("command/exec", Map.of("command", List.of("touch", target.toString()),
                    "cwd", d.work().toString(), "sandboxPolicy", Map.of("type", "readOnly"))));
            assertNotEquals(0, ro.path("exitCode").asInt(), ro.toString());
            assertFalse(Files.exists(target));
        }
    }

    @Test
    void fileSystemMethodsSearchAndSkills() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            Path w = d.work();
            String a = w.resolve("a.txt").toString();
            d.result(d.request("fs/writeFile", Map.of("path", a, "dataBase64", Base64.getEncoder().encodeToString("hello".getBytes()))));
            assertEquals("aGVsbG8=", d.result(d.request("fs/readFile", Map.of("path", a))).path("dataBase64").asText());
            assertEquals(-32602, d.awaitResponse(d.request("fs/readFile", Map.of("path", "a.txt"))).path("error").path("code").asInt());
            d.result(d.request("fs/createDirectory", Map.of("path", w.resolve("x/y").toString())));
            JsonNode meta = d.result(d.request("fs/getMetadata", Map.of("path", w.resolve("x").toString())));
            assertTrue(meta.path("isDirectory").asBoolean() && meta.has("modifiedAtMs") && meta.has("createdAtMs"));
            d.result(d.request("fs/copy", Map.of("sourcePath", w.resolve("x").toString(), "destinationPath", w.resolve("x2").toString(), "recursive", true)));
            assertTrue(Files.isDirectory(w.resolve("x2/y")));
            JsonNode dir = d.result(d.request("fs/readDirectory", Map.of("path", w.toString())));
            assertEquals(3, dir.path("entries").size(), dir.toString());
            d.result(d.request("fs/remove", Map.of("path", w.resolve("x2").toString())));
            assertFalse(Files.exists(w.resolve("x2")));

            d.result(d.request("fs/watch", Map.of("watchId", "w", "path", w.toString())));
            Files.writeString(w.resolve("x/y/new.txt"), "n");
            JsonNode changed = d.awaitNotification("fs/changed");
            assertEquals("w", changed.path("params").path("watchId").asText());
            assertTrue(changed.path("params").path("changedPaths").toString().contains("new.txt"), changed.toString());
            d.result(d.request("fs/unwatch", Map.of("watchId", "w")));

            // fuzzy search honours .gitignore inside a git work tree, skips hidden files, returns match positions
            Files.createDirectories(w.resolve(".git"));
            Files.writeString(w.resolve(".gitignore"), "build/\n*.log\n");
            Files.createDirectories(w.resolve("build"));
            Files.writeString(w.resolve("build/main_gen.py"), "");
            Files.writeString(w.resolve("main.log"), "");
            Files.createDirectories(w.resolve("src"));
            Files.writeString(w.resolve("src/main.py"), "");
            Files.writeString(w.resolve("src/domain.py"), "");
            JsonNode found = d.result(d.request("fuzzyFileSearch", Map.of("query", "main", "roots", List.of(w.toString()))));
            JsonNode files = found.path("files");
            assertEquals("src/main.py", files.get(0).path("path").asText(), found.toString());
            assertEquals("[4,5,6,7]", files.get(0).path("indices").toString());
            assertEquals("main.py", files.get(0).path("file_name").asText());
            assertEquals("file", files.get(0).path("match_type").asText());
            assertFalse(found.toString().contains("main_gen") || found.toString().contains("main.log"), found.toString());

            Path skill = d.home().resolve("skills/demo/SKILL.md");
            Files.createDirectories(skill.getParent());
            Files.writeString(skill, "---\nname: demo\ndescription: A demo skill\n---\nDo things.\n");
            Path broken = d.home().resolve("skills/broken/SKILL.md");
            Files.createDirectories(broken.getParent());
            Files.writeString(broken, "no front matter\n");
            JsonNode skills = d.result(d.request("skills/list", Map.of("cwds", List.of(w.toString()))));
            JsonNode entry = skills.path("data").get(0);
            assertEquals("demo", entry.path("skills").get(0).path("name").asText(), skills.toString());
            assertEquals("user", entry.path("skills").get(0).path("scope").asText());
            assertEquals(1, entry.path("errors").size());
            assertEquals("[]", d.result(d.request("mcpServerStatus/list", Map.of())).path("data").toString());
        }
    }
}
