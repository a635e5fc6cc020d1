package dev.jcodex.appserver.it;

import static dev.jcodex.appserver.it.ToolTurns.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded offline model's "run `cmd`" and "create file" rules, end to end with approvals. */
class OfflineToolsTest {
    static final String CONFIG = """
            model = "jcodex-offline"
            model_provider = "offline"
            approval_policy = "untrusted"
            sandbox_mode = "workspace-write"
            """;

    @Test
    void runCommandAndCreateFileWithApprovals() throws Exception {
        try (Daemon d = Daemon.start(CONFIG)) {
            d.initialize();
            String threadId = d.startThread();
            d.startTurn(threadId, "please run `echo hello > hi.txt && cat hi.txt`");
            JsonNode req = d.awaitServerRequest("item/commandExecution/requestApproval");
            d.respond(req.get("id"), Map.of("decision", "accept"));
            d.awaitNotification("turn/completed");
            assertEquals("hello\n", Files.readString(d.work().resolve("hi.txt")));
            assertTrue(completed(d, "agentMessage").getLast().path("text").asText().contains("hello"));

            d.startTurn(threadId, "create file `notes.txt` with `first\\nsecond`");
            JsonNode patch = d.awaitServerRequest("item/fileChange/requestApproval");
            d.respond(patch.get("id"), Map.of("decision", "accept"));
            d.awaitNotification("turn/completed");
            assertEquals("first\nsecond\n", Files.readString(d.work().resolve("notes.txt")));

            d.startTurn(threadId, "run `touch nope.txt`");
            JsonNode no = d.awaitServerRequest("item/commandExecution/requestApproval");
            d.respond(no.get("id"), Map.of("decision", "decline"));
            d.awaitNotification("turn/completed");
            assertFalse(Files.exists(d.work().resolve("nope.txt")));
            assertTrue(completed(d, "agentMessage").getLast().path("text").asText().contains("declined"));
            assertTrue(d.badLines().isEmpty());
        }
    }
}
