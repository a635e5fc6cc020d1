package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over real stdio: every line that is not one JSON value in UTF-8 gets -32700 with id null, in order (the
 * cases a hostile corpus found unanswered: a byte-order mark and nothing else, NUL bytes, which made the
 * parser read the line as UTF-16/32, and duplicate keys); a bad client notification gets no reply at all
 * and is logged to stderr; the daemon then serves a valid request.
 */
class UnparsableLinesTest {
    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void everyUnparsableLineGetsMinus32700WithIdNullAndNotificationsNeverGetAReply() throws Exception {
        List<byte[]> lines = List.of(
                utf8("\uFEFF   "),                                  // BOM, then nothing
                new byte[] {0, '{', 0, '}'},                        // UTF-16BE "{}"
                new byte[] {'{', 0, '}', 0},                        // UTF-16LE "{}"
                new byte[] {0, 0, 0, '{', 0, 0, 0, '}'},            // UTF-32BE "{}"
                utf8("{\"id\":1,\"id\":2,\"method\":\"config/read\",\"params\":{}}"), // which id?
                utf8("{\"id\":3,\"method\":\"config/read\",\"params\":{\"a\":1,\"a\":2}}"),
                utf8("{\"id\":4,\"method\":\"config/read\",}"),
                utf8("{\"id\":5,\"method\":\"config/read\""),
                utf8("NaN"),
                utf8("{'id': 6}"),
                utf8("{\"id\":7} // comment"),
                utf8("{\"id\":8}{\"id\":9}"),
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0x80, '"', '}'}, // overlong NUL
                new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'},
                utf8("\u000c{}"));
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            int before = d.received().size();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                all.write(l);
                all.write('\n');
            }
            // notifications, never answered whatever their params
            all.write(utf8("{\"method\":\"initialized\",\"params\":5}\n"));
            all.write(utf8("{\"method\":\"turn/start\",\"params\":{\"threadId\":null}}\n"));
            d.sendBytes(all.toByteArray());
            long id = d.request("config/read", Map.of());
            JsonNode ok = d.awaitResponse(id);
            assertTrue(ok.has("result"), ok.toString());

            List<JsonNode> got = d.received().subList(before, d.received().size());
            List<JsonNode> errors = got.stream().filter(n -> n.has("error")).toList();
            assertEquals(lines.size(), errors.size(), "one -32700 per line, and nothing for the notifications: " + got);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode e = errors.get(i);
                assertTrue(e.get("id").isNull(), "line " + i + ": " + e);
                assertEquals(-32700, e.path("error").path("code").asInt(), "line " + i + ": " + e);
            }
            assertEquals(errors.size() + 1, got.size(), "no other output: " + got);
            String err = d.stderr();
            assertTrue(err.contains("notification initialized: params: expected object, got number 5"), err);
            assertTrue(err.contains("ignoring client notification turn/start (a request needs an `id`)"), err);
            assertTrue(d.badLines().isEmpty(), "stdout carried only JSON: " + d.badLines());
        }
    }
}
