package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadInputTest {
    @Test
    void everyKindOfBadInputGetsTheRightErrorAndTheDaemonLives() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            d.sendLine("this is not json");
            JsonNode parse = d.await(n -> n.has("error"), Daemon.TIMEOUT);
            assertEquals(-32700, parse.path("error").path("code").asInt());
            assertTrue(parse.get("id").isNull());

            d.sendLine("{\"id\": 7, \"method\": \"no/such/method\", \"params\": {}}");
            JsonNode unknown = d.awaitResponse(7);
            assertEquals(-32601, unknown.path("error").path("code").asInt());
            assertTrue(unknown.path("error").path("message").asText().contains("no/such/method"));

            long id = d.request("turn/start", Map.of("threadId", 5));
            JsonNode bad = d.awaitResponse(id);
            assertEquals(-32602, bad.path("error").path("code").asInt());
            assertTrue(bad.path("error").path("message").asText().contains("threadId"), bad.toString());

            id = d.request("turn/start", Map.of("threadId", "t"));
            JsonNode missing = d.awaitResponse(id);
            assertEquals(-32602, missing.path("error").path("code").asInt());
            assertTrue(missing.path("error").path("message").asText().contains("params.input"), missing.toString()); // was "`input`": paths now read params.<path>

            d.sendLine("[1,2]");
            JsonNode batch = d.await(n -> n.has("error") && n.get("id").isNull()
                    && n.path("error").path("message").asText().contains("batch"), Daemon.TIMEOUT);
            assertEquals(-32600, batch.path("error").path("code").asInt());

            d.sendLine("{\"id\": 1.5, \"method\": \"initialize\"}");
            JsonNode badId = d.await(n -> n.has("error") && n.path("error").path("message").asText().contains("`id`"), Daemon.TIMEOUT);
            assertEquals(-32600, badId.path("error").path("code").asInt());

            d.sendBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}', '\n'});
            JsonNode utf = d.await(n -> n.has("error") && n.path("error").path("code").asInt() == -32700, Daemon.TIMEOUT);
            assertTrue(utf.get("id").isNull());

            d.sendLine("{\"id\": 99, \"result\": {}}"); // a response to nothing we asked: ignored
            d.sendLine("{\"method\": \"some/notification\"}"); // unknown notification: ignored
            d.sendLine("");

            String deep = "[".repeat(5000) + "]".repeat(5000);
            d.sendLine(deep);
            JsonNode deepErr = d.await(n -> n.has("error") && n.get("id").isNull(), Daemon.TIMEOUT);
            assertTrue(deepErr.path("error").path("code").asInt() == -32600 || deepErr.path("error").path("code").asInt() == -32700);

            d.sendLine("{\"id\": 8, \"method\": \"thread/start\", \"params\": {\"cwd\": \"relative/dir\"}}");
            JsonNode rel = d.awaitResponse(8);
            assertEquals(-32602, rel.path("error").path("code").asInt());

            // still alive and serving
            JsonNode ok = d.result(d.request("thread/start", Map.of("cwd", d.work().toString())));
            assertTrue(ok.path("thread").path("id").asText().length() > 10);
            assertTrue(d.isAlive());
            assertTrue(d.badLines().isEmpty(), "stdout carried only JSON: " + d.badLines());
            assertFalse(d.stderr().isEmpty() && false);
        }
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode("ok"));
    }
}
