package dev.jcodex.appserver.it;

import static dev.jcodex.appserver.it.ToolTurns.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** apply_patch (freeform and JSON), update_plan and view_image over stdio. */
class ApplyPatchToolTest {
    static final String PATCH = "*** Begin Patch\n*** Add File: new.txt\n+hello\n*** Update File: existing.txt\n@@\n"
            + " line one\n-old line\n+new line\n line three\n*** End Patch\n";

    @Test
    void freeformPatchCarriesDiffsBeforeApprovalAndUpdatesTheTurnDiff() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().customToolCall("call_patch", "apply_patch", PATCH).completed();
            mock.next().message("Patched.", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                Files.writeString(d.work().resolve("existing.txt"), "line one\nold line\nline three\n");
                String threadId = thread(d, "untrusted", "workspace-write");
                d.startTurn(threadId, "patch");
                JsonNode req = d.awaitServerRequest("item/fileChange/requestApproval");
                assertEquals("call_patch", req.path("params").path("itemId").asText());
                JsonNode started = notes(d, "item/started").stream().filter(n ->
                        "fileChange".equals(n.path("params").path("item").path("type").asText())).findFirst().orElseThrow();
                JsonNode changes = started.path("params").path("item").path("changes");
                assertEquals(d.work().resolve("new.txt").toString(), changes.path(0).path("path").asText());
                assertEquals("add", changes.path(0).path("kind").path("type").asText());
                assertEquals("update", changes.path(1).path("kind").path("type").asText());
                assertEquals("@@ -1,3 +1,3 @@\n line one\n-old line\n+new line\n line three\n", changes.path(1).path("diff").asText());
                assertFalse(Files.exists(d.work().resolve("new.txt")), "nothing written before approval");
                d.respond(req.get("id"), Map.of("decision", "accept"));
                d.awaitNotification("turn/completed");
                assertEquals("hello\n", Files.readString(d.work().resolve("new.txt")));
                assertEquals("line one\nnew line\nline three\n", Files.readString(d.work().resolve("existing.txt")));
                assertEquals("completed", completed(d, "fileChange").getFirst().path("status").asText());
                String diff = notes(d, "turn/diff/updated").getLast().path("params").path("diff").asText();
                assertTrue(diff.contains("diff --git a/existing.txt b/existing.txt") && diff.contains("+++ b/new.txt"), diff);
                String out = mock.requests().get(1).toString();
                assertTrue(out.contains("custom_tool_call_output") && out.contains("A new.txt") && out.contains("M existing.txt"), out);
            }
        }
    }

    @Test
    void jsonFunctionVariantAndSessionApprovalForTheSamePaths() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            String p1 = "*** Begin Patch\n*** Add File: a.txt\n+1\n*** End Patch\n";
            String p2 = "*** Begin Patch\n*** Update File: a.txt\n@@\n-1\n+2\n*** End Patch\n";
            mock.next().functionCall("call_1", "apply_patch", Daemon.M.createObjectNode().put("input", p1).toString()).completed();
            mock.next().functionCall("call_2", "apply_patch", Daemon.M.createObjectNode().put("input", p2).toString()).completed();
            mock.next().message("ok", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.result(d.request("thread/start", Map.of("cwd", d.work().toString(),
                        "approvalPolicy", "untrusted", "sandbox", "workspace-write",
                        "config", Map.of("apply_patch_tool_type", "function")))).path("thread").path("id").asText();
                d.startTurn(threadId, "patch twice");
                JsonNode req = d.awaitServerRequest("item/fileChange/requestApproval");
                d.respond(req.get("id"), Map.of("decision", "acceptForSession"));
                d.awaitNotification("turn/completed");
                assertEquals(1, serverRequests(d).size(), "the second patch of a.txt is not asked about");
                assertEquals("2\n", Files.readString(d.work().resolve("a.txt")));
                JsonNode tools = mock.requests().getFirst().path("tools");
                boolean functionSpec = false;
                for (JsonNode t : tools) if ("apply_patch".equals(t.path("name").asText())) functionSpec = "function".equals(t.path("type").asText());
                assertTrue(functionSpec, tools.toString());
            }
        }
    }

    @Test
    void declinedPatchWritesNothingAndBadPatchFailsVerification() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().customToolCall("call_bad", "apply_patch", "*** Begin Patch\n*** Update File: missing.txt\n@@\n-a\n+b\n*** End Patch\n").completed();
            mock.next().customToolCall("call_2", "apply_patch", "*** Begin Patch\n*** Add File: b.txt\n+b\n*** End Patch\n").completed();
            mock.next().message("ok", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "untrusted", "workspace-write");
                d.startTurn(threadId, "patch");
                JsonNode req = d.awaitServerRequest("item/fileChange/requestApproval");
                assertEquals("call_2", req.path("params").path("itemId").asText(), "a patch that does not verify is not offered");
                d.respond(req.get("id"), Map.of("decision", "decline"));
                d.awaitNotification("turn/completed");
                assertFalse(Files.exists(d.work().resolve("b.txt")));
                assertEquals("declined", completed(d, "fileChange").getFirst().path("status").asText());
                assertTrue(mock.requests().get(1).toString().contains("verification failed"));
                assertTrue(mock.requests().get(2).toString().contains("rejected by user"));
            }
        }
    }

    @Test
    void neverPolicyAppliesInsideTheWorkspaceWithoutAsking() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().customToolCall("call_1", "apply_patch", "*** Begin Patch\n*** Add File: in.txt\n+x\n*** End Patch\n").completed();
            mock.next().customToolCall("call_2", "apply_patch", "*** Begin Patch\n*** Add File: /proc/nope.txt\n+x\n*** End Patch\n").completed();
            mock.next().message("ok", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = thread(d, "never", "workspace-write");
                d.startTurn(threadId, "patch");
                d.awaitNotification("turn/completed");
                assertTrue(serverRequests(d).isEmpty());
                assertEquals("x\n", Files.readString(d.work().resolve("in.txt")));
                assertEquals("completed", completed(d, "fileChange").get(0).path("status").asText());
                assertEquals("failed", completed(d, "fileChange").get(1).path("status").asText());
            }
        }
    }

    @Test
    void updatePlanAndViewImage() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            String plan = "{\"explanation\":\"two steps\",\"plan\":[{\"step\":\"read\",\"status\":\"completed\"},"
                    + "{\"step\":\"write\",\"status\":\"in_progress\"}]}";
            mock.next().functionCall("call_plan", "update_plan", plan).functionCall("call_img", "view_image",
                    "{\"path\":\"pic.png\"}").completed();
            mock.next().message("seen", 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                // a 1x1 PNG
                Files.write(d.work().resolve("pic.png"), Base64.getDecoder().decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
                String threadId = thread(d, "never", "workspace-write");
                d.startTurn(threadId, "plan and look");
                d.awaitNotification("turn/completed");
                JsonNode p = notes(d, "turn/plan/updated").getFirst().path("params");
                assertEquals("two steps", p.path("explanation").asText());
                assertEquals("inProgress", p.path("plan").path(1).path("status").asText());
                assertEquals(d.work().resolve("pic.png").toString(), completed(d, "imageView").getFirst().path("path").asText());
                String second = mock.requests().get(1).toString();
                assertTrue(second.contains("Plan updated") && second.contains("data:image/png;base64,"), second);
            }
        }
    }
}
