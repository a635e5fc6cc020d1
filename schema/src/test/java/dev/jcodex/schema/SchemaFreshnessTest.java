package dev.jcodex.schema;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed schema must be what the Java wire types generate today. */
class SchemaFreshnessTest {
    static final Path COMMITTED = Path.of("json", ProtocolSchema.FILE);

    @Test
    void committedSchemaMatchesTheWireTypes() throws Exception {
        String fresh = ProtocolSchema.generate();
        assertTrue(Files.exists(COMMITTED), "missing " + COMMITTED.toAbsolutePath() + ": run scripts/generate-protocol");
        assertEquals(fresh, Files.readString(COMMITTED),
                "schema/json is stale: run scripts/generate-protocol and commit schema/ and vscode-extension/src/protocol/");
    }

    @Test
    void unionsAreTaggedAndCoverTheCoreSurface() throws Exception {
        JsonNode s = new ObjectMapper().readTree(ProtocolSchema.generate());
        JsonNode defs = s.path("definitions");
        String notes = defs.path("ServerNotification").toString();
        for (String m : new String[] {"turn/started", "turn/completed", "item/started", "item/completed",
                "item/agentMessage/delta", "thread/tokenUsage/updated", "error", "thread/status/changed"}) {
            assertTrue(notes.contains("\"" + m + "\""), m);
        }
        assertTrue(defs.path("ClientRequest").toString().contains("\"turn/start\""));
        String item = defs.path("ThreadItem").toString();
        assertTrue(item.contains("ThreadItemAgentMessage") && item.contains("ThreadItemCommandExecution"), item);
        assertTrue(defs.path("ThreadItemAgentMessage").toString().contains("agentMessage"));
    }
}
