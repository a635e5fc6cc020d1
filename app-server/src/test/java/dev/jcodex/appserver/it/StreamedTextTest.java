package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long answer through the whole stream path (SSE bytes → delta scan → events → rendered notifications →
 * stdout) arrives delta by delta exactly as the model sent it: escapes, control characters, non-ASCII, emoji
 * split between two deltas (each half a lone surrogate), and one delta far larger than the SSE read buffer.
 */
class StreamedTextTest {
    private static final String PIECE = "w1 \"quoted\" back\\slash\ttab\nline é ✓ 😀 \u0001 </p> \u2028 ";

    /** The deltas MockResponses cuts {@code text} into (by UTF-16 index, as it does). */
    private static List<String> pieces(String text, int deltas) {
        List<String> out = new ArrayList<>();
        int len = text.length();
        for (int i = 0; i < deltas; i++) out.add(text.substring(i * len / deltas, (i + 1) * len / deltas));
        return out;
    }

    @Test
    void everyDeltaArrivesIntactAndInOrder() throws Exception {
        String text = PIECE.repeat(150);
        int deltas = 2_999; // not a divisor of the length: some cuts fall inside an emoji
        String huge = "x\u00e9\"".repeat(120_000);
        try (MockResponses mock = new MockResponses()) {
            mock.next().message(text, deltas).message(huge, 1).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                String turnId = d.startTurn(threadId, "stream");
                JsonNode done = d.await(n -> "turn/completed".equals(n.path("method").asText()), Duration.ofSeconds(90));
                assertEquals("completed", done.path("params").path("turn").path("status").asText());

                List<String> got = new ArrayList<>();
                List<String> completed = new ArrayList<>();
                String firstItem = null;
                for (JsonNode n : d.received()) {
                    String method = n.path("method").asText();
                    JsonNode p = n.path("params");
                    if (method.equals("item/agentMessage/delta")) {
                        assertEquals(threadId, p.path("threadId").asText());
                        assertEquals(turnId, p.path("turnId").asText());
                        if (firstItem == null) firstItem = p.path("itemId").asText();
                        got.add(p.path("delta").asText());
                        assertTrue(n.path("emittedAtMs").asLong() > 0);
                    }
                    if (method.equals("item/completed") && p.path("item").path("type").asText().equals("agentMessage")) {
                        completed.add(p.path("item").path("text").asText());
                    }
                }
                List<String> expected = new ArrayList<>(pieces(text, deltas));
                assertTrue(expected.stream().anyMatch(s -> Character.isHighSurrogate(s.charAt(s.length() - 1))),
                        "some delta ends in half an emoji");
                expected.add(huge);
                assertEquals(expected.size(), got.size());
                for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i).chars().boxed().toList(), got.get(i).chars().boxed().toList(), "delta " + i);
                assertEquals(List.of(text, huge), completed);
                assertTrue(d.badLines().isEmpty(), "every stdout line is JSON");
            }
        }
    }
}
