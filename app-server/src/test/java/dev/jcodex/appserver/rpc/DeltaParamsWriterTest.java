package dev.jcodex.appserver.rpc;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.protocol.ServerNotifications;
import dev.jcodex.protocol.notification.AgentMessageDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningSummaryTextDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningTextDeltaNotification;
import dev.jcodex.protocol.notification.ServerNotification;
import dev.jcodex.protocol.notification.TurnStartedNotification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written delta params are byte for byte what databind writes for the protocol records. */
class DeltaParamsWriterTest {
    private static final String ODD = "tab\t \"quote\" back\\slash \u0001 é ✓ 😀 </script> \u2028";

    private static String direct(Object params) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = TreeCodec.FACTORY.createGenerator(out)) {
            assertTrue(DeltaParamsWriter.write(g, params), params.toString());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the notification path wrote before: databind into a generator of the envelope's factory. */
    private static String databind(Object params) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = TreeCodec.FACTORY.createGenerator(out)) {
            ProtocolJson.MAPPER.writeValue(g, params);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void deltaParamsMatchDatabind() throws Exception {
        List<ServerNotification> cases = List.of(
                new AgentMessageDeltaNotification("019a-thread", "019a-turn", "msg_1", "w1 "),
                new AgentMessageDeltaNotification("t", "u", "m", ODD),
                new AgentMessageDeltaNotification("t", "u", null, ""),
                new AgentMessageDeltaNotification(null, null, null, null),
                new ReasoningSummaryTextDeltaNotification("t", "u", "rs_1", ODD, 3),
                new ReasoningSummaryTextDeltaNotification("t", "u", "rs_1", null, -1),
                new ReasoningTextDeltaNotification("t", "u", "rs_2", ODD, Integer.MAX_VALUE),
                new ReasoningTextDeltaNotification(null, "u", "rs_2", "", 0));
        for (ServerNotification n : cases) {
            assertEquals(databind(n), direct(n), n.toString());
        }
    }

    @Test
    void otherParamsAreLeftToDatabind() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = TreeCodec.FACTORY.createGenerator(out)) {
            assertFalse(DeltaParamsWriter.write(g, new TurnStartedNotification("t", null)));
            assertFalse(DeltaParamsWriter.write(g, null));
        }
        assertEquals(0, out.size());
    }

    @Test
    void aDeltaNotificationIsOneJsonObjectWithMethodParamsAndTimestamp() throws Exception {
        var n = new AgentMessageDeltaNotification("t", "u", "m", ODD);
        String method = ServerNotifications.methodOf(n.getClass());
        JsonNode msg = ProtocolJson.MAPPER.readTree(JsonRpcConnection.notification(method, n));
        assertEquals("item/agentMessage/delta", msg.get("method").asText());
        assertEquals(ProtocolJson.MAPPER.valueToTree(n), msg.get("params"));
        assertTrue(msg.get("emittedAtMs").asLong() > 0);
        assertEquals(3, msg.size());
    }
}
