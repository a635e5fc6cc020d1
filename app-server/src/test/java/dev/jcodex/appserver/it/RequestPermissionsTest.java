package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.exec.InProcessClient;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * request_permissions (behind features.request_permissions_tool, as in Codex 0.171) and
 * item/permissions/requestApproval: a grant widens the sandbox of the turn's later commands; a denial does not;
 * an interrupt resolves the request.
 */
class RequestPermissionsTest {
    @TempDir Path root;

    private static ObjectNode await(InProcessClient c, Predicate<JsonNode> p, List<ObjectNode> seen) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            ObjectNode m = c.next(100);
            if (m == null) continue;
            seen.add(m);
            if (p.test(m)) return m;
        }
        fail("not received; got " + seen);
        return null;
    }

    private static Predicate<JsonNode> method(String m) { return n -> m.equals(n.path("method").asText()); }

    private record Run(InProcessClient client, MockResponses mock, String thread, Path outside) {}

    private Run start(boolean feature) throws Exception {
        MockResponses mock = new MockResponses();
        Path home = Files.createDirectories(root.resolve("home"));
        Path work = Files.createDirectories(root.resolve("work"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(home.resolve("config.toml"), mock.keylessConfigToml(feature ? "[features]\nrequest_permissions_tool = true\n" : ""));
        InProcessClient c = new InProcessClient(new AppServer(new ConfigLoader(home, List.of(), null)));
        c.call("initialize", Map.of("clientInfo", Map.of("name", "t", "version", "1")));
        c.notify("initialized");
        String thread = c.call("thread/start", Map.of("cwd", work.toString(), "approvalPolicy", "on-request",
                "sandbox", "workspace-write")).path("thread").path("id").asText();
        return new Run(c, mock, thread, outside);
    }

    /** The test's dirs are under /tmp, which workspace-write leaves writable unless excluded. */
    private static Map<String, Object> turn(Run r) {
        return Map.of("threadId", r.thread(), "input", List.of(Map.of("type", "text", "text", "go")),
                "sandboxPolicy", Map.of("type", "workspaceWrite", "excludeSlashTmp", true, "excludeTmpdirEnvVar", true));
    }

    private static void script(Run r) {
        r.mock().next().functionCall("call_p", "request_permissions", "{\"permissions\":{\"file_system\":{\"write\":[\""
                + r.outside() + "\"]}},\"reason\":\"write the build output\"}").completed();
        r.mock().next().functionCall("call_x", "exec_command", "{\"cmd\":\"echo hi > " + r.outside()
                + "/o.txt\",\"login\":false,\"yield_time_ms\":5000}").completed();
        r.mock().next().message("done", 1).completed();
    }

    private static String output(MockResponses mock, String callId) {
        for (JsonNode req : mock.requests()) {
            for (JsonNode item : req.path("input")) {
                if (callId.equals(item.path("call_id").asText()) && "function_call_output".equals(item.path("type").asText())) {
                    return item.path("output").asText();
                }
            }
        }
        return null;
    }

    @Test
    void aGrantWidensTheSandboxOfTheTurnsLaterCommands() throws Exception {
        Run r = start(true);
        try (InProcessClient c = r.client(); MockResponses mock = r.mock()) {
            script(r);
            c.call("turn/start", turn(r));
            List<ObjectNode> seen = new ArrayList<>();
            ObjectNode ask = await(c, method("item/permissions/requestApproval"), seen);
            JsonNode p = ask.path("params");
            assertEquals("call_p", p.path("itemId").asText());
            assertEquals("write the build output", p.path("reason").asText());
            assertEquals(r.outside().toString(), p.path("permissions").path("fileSystem").path("write").get(0).asText());
            assertEquals("write", p.path("permissions").path("fileSystem").path("entries").get(0).path("access").asText());
            c.respond(ask.get("id"), Map.of("permissions", Map.of("fileSystem", Map.of("write", List.of(r.outside().toString()))),
                    "scope", "turn"));
            await(c, method("serverRequest/resolved"), seen);
            await(c, method("turn/completed"), seen);
            assertEquals("hi\n", Files.readString(r.outside().resolve("o.txt")));
            assertEquals("{\"permissions\":{\"network\":null,\"file_system\":{\"write\":[\"" + r.outside() + "\"]}},\"scope\":\"turn\"}",
                    output(mock, "call_p"));
        }
    }

    @Test
    void aDenialKeepsTheSandboxAndTheToolIsOffWithoutTheFeature() throws Exception {
        Run r = start(true);
        try (InProcessClient c = r.client(); MockResponses mock = r.mock()) {
            script(r);
            c.call("turn/start", turn(r));
            List<ObjectNode> seen = new ArrayList<>();
            ObjectNode ask = await(c, method("item/permissions/requestApproval"), seen);
            c.respond(ask.get("id"), Map.of("permissions", Map.of(), "scope", "turn"));
            await(c, method("turn/completed"), seen);
            assertFalse(Files.exists(r.outside().resolve("o.txt")), "the sandbox still confines the command");
            assertEquals("{\"permissions\":{\"network\":null,\"file_system\":null},\"scope\":\"turn\"}", output(mock, "call_p"));
            assertTrue(names(mock.requests().getFirst()).contains("request_permissions"));
        }
        Files.deleteIfExists(root.resolve("home/config.toml"));
        Run off = start(false);
        try (InProcessClient c = off.client(); MockResponses mock = off.mock()) {
            mock.next().message("hi", 1).completed();
            c.call("turn/start", Map.of("threadId", off.thread(), "input", List.of(Map.of("type", "text", "text", "go"))));
            await(c, method("turn/completed"), new ArrayList<>());
            assertFalse(names(mock.requests().getFirst()).contains("request_permissions"));
        }
    }

    private static List<String> names(JsonNode request) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : request.path("tools")) out.add(t.path("name").asText());
        return out;
    }

    @Test
    void anInterruptResolvesThePermissionRequest() throws Exception {
        Run r = start(true);
        try (InProcessClient c = r.client(); MockResponses mock = r.mock()) {
            script(r);
            c.call("turn/start", turn(r));
            List<ObjectNode> seen = new ArrayList<>();
            ObjectNode ask = await(c, method("item/permissions/requestApproval"), seen);
            c.call("turn/interrupt", Map.of("threadId", r.thread(), "turnId", ask.path("params").path("turnId").asText()));
            await(c, method("serverRequest/resolved"), seen);
            assertEquals("interrupted", await(c, method("turn/completed"), seen).path("params").path("turn").path("status").asText());
        }
    }
}
