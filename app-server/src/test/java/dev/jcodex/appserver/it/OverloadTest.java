package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounded ingress: requests beyond the in-flight limit get -32001 at once; capacity comes back. */
class OverloadTest {
    static List<JsonNode> responses(Daemon d, List<Long> ids) {
        return d.received().stream().filter(n -> !n.has("method") && ids.contains(n.path("id").asLong(-1))).toList();
    }

    @Test
    void requestsBeyondTheIngressBoundAreRefusedWithRetryableOverload() throws Exception {
        try (Daemon d = Daemon.start(null, Map.of("JCODEX_INGRESS_CAPACITY", "4"), List.of())) {
            d.initialize();
            List<Long> slow = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slow.add(d.request("command/exec", Map.of("command", List.of("sleep", "5"), // long enough that a loaded machine still reads the extras first
                        "sandboxPolicy", Map.of("type", "dangerFullAccess"))));
            }
            List<Long> extra = new ArrayList<>();
            for (int i = 0; i < 20; i++) extra.add(d.request("fs/getMetadata", Map.of("path", d.work().toString())));
            int overloaded = 0;
            for (long id : extra) {
                JsonNode r = d.awaitResponse(id);
                if (r.has("error")) {
                    assertEquals(-32001, r.path("error").path("code").asInt(), r.toString());
                    assertEquals("Server overloaded; retry later.", r.path("error").path("message").asText());
                    overloaded++;
                }
            }
            assertEquals(20, overloaded, "every request past the 4 running ones is refused");
            long end = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < end && responses(d, slow).size() < slow.size()) Thread.sleep(50);
            List<JsonNode> done = responses(d, slow);
            assertEquals(4, done.size(), "the 4 admitted requests completed");
            for (JsonNode r : done) assertEquals(0, r.path("result").path("exitCode").asInt(), r.toString());
            // the permits came back: the daemon serves again
            assertTrue(d.result(d.request("fs/getMetadata", Map.of("path", d.work().toString()))).path("isDirectory").asBoolean());
            assertTrue(d.badLines().isEmpty());
        }
    }
}
