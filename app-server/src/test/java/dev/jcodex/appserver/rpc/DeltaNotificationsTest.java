package dev.jcodex.appserver.rpc;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.protocol.ServerNotifications;
import dev.jcodex.protocol.notification.AgentMessageDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningSummaryTextDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningTextDeltaNotification;
import dev.jcodex.protocol.notification.ServerNotification;
import dev.jcodex.protocol.notification.TurnStartedNotification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rendered delta notifications are byte for byte what the generic databind path writes. */
class DeltaNotificationsTest {
    private static final String ODD = "tab\t \"quote\" back\\slash \u0001\u001f\u007f é ✓ 😀 \ud800 lone \udfff "
            + "</script> \u2028 \uffff";

    private static void same(ServerNotification n, long at) {
        String method = ServerNotifications.methodOf(n.getClass());
        byte[] expected = JsonRpcConnection.databindNotification(method, n, at);
        byte[] actual = DeltaNotifications.render(method, n, at);
        assertNotNull(actual, n.toString());
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8), n.toString());
        assertArrayEquals(expected, actual, n.toString());
    }

    @Test
    void deltasRenderAsTheGenericPathWritesThem() {
        List<ServerNotification> cases = List.of(
                new AgentMessageDeltaNotification("019a-thread", "019a-turn", "msg_1", "w1 "),
                new AgentMessageDeltaNotification("019a-thread", "019a-turn", "msg_1", "w2 "),
                new AgentMessageDeltaNotification("019a-thread", "019a-turn", "msg_2", "next item"),
                new AgentMessageDeltaNotification("t", "u", "m", ODD),
                new AgentMessageDeltaNotification("t\"", "u\n", "m\u00e9", ""),
                new AgentMessageDeltaNotification("t", "u", null, "no item"),
                new AgentMessageDeltaNotification(null, null, null, null),
                new ReasoningSummaryTextDeltaNotification("t", "u", "rs_1", ODD, 3),
                new ReasoningSummaryTextDeltaNotification("t", "u", "rs_1", null, -1),
                new ReasoningSummaryTextDeltaNotification("t", "u", "rs_1", "min", Integer.MIN_VALUE),
                new ReasoningTextDeltaNotification("t", "u", "rs_2", ODD, Integer.MAX_VALUE),
                new ReasoningTextDeltaNotification(null, "u", "rs_2", "", 0));
        long[] times = {1_763_800_000_123L, 0, 7, -1, Long.MAX_VALUE, Long.MIN_VALUE};
        for (int k = 0; k < cases.size(); k++) same(cases.get(k), times[k % times.length]);
    }

    /** Random text over every char class the escaping distinguishes, in deltas and in ids. */
    @Test
    void randomTextRendersAsTheGenericPath() {
        Random rnd = new Random(42);
        for (int n = 0; n < 5_000; n++) {
            same(new AgentMessageDeltaNotification(text(rnd, 3), "turn", text(rnd, 2), text(rnd, 20)),
                    rnd.nextLong());
            same(new ReasoningTextDeltaNotification("t", text(rnd, 2), "rs", text(rnd, 8), rnd.nextInt()), 5);
        }
    }

    private static String text(Random rnd, int max) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(max + 1); k > 0; k--) {
            sb.append(switch (rnd.nextInt(6)) {
                case 0 -> (char) rnd.nextInt(0x80);
                case 1 -> (char) (0x80 + rnd.nextInt(0x780));
                case 2 -> (char) (0x800 + rnd.nextInt(0xD000));
                case 3 -> (char) (0xD800 + rnd.nextInt(0x800));
                case 4 -> (char) (0xE000 + rnd.nextInt(0x2000));
                default -> (char) ('a' + rnd.nextInt(26));
            });
        }
        return sb.toString();
    }

    @Test
    void otherNotificationsAreLeftToTheGenericPath() {
        assertNull(DeltaNotifications.render("turn/started", new TurnStartedNotification("t", null), 1));
        assertNull(DeltaNotifications.render("x", null, 1));
        assertNull(DeltaNotifications.render("x", "a string", 1));
    }

    /** The reused start of an item's deltas never leaks into another item's, whatever the interleaving. */
    @Test
    void interleavedItemsOnSeveralThreadsStayCorrect() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            String id = "thread-" + t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int k = 0; k < 2_000; k++) {
                        same(new AgentMessageDeltaNotification(id, "u", "m" + (k % 3), "d" + k), k);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) t.join(60_000);
        assertEquals(List.of(), failures);
    }

    @Test
    void aDeltaNotificationIsOneJsonObjectWithMethodParamsAndTimestamp() throws Exception {
        var n = new AgentMessageDeltaNotification("t", "u", "m", ODD);
        JsonNode msg = ProtocolJson.MAPPER.readTree(JsonRpcConnection.notification("item/agentMessage/delta", n));
        assertEquals("item/agentMessage/delta", msg.get("method").asText());
        assertEquals(ProtocolJson.MAPPER.valueToTree(n), msg.get("params"));
        assertTrue(msg.get("emittedAtMs").asLong() > 0);
        assertEquals(3, msg.size());
    }
}
