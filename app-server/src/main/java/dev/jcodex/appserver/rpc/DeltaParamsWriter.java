package dev.jcodex.appserver.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jcodex.protocol.notification.AgentMessageDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningSummaryTextDeltaNotification;
import dev.jcodex.protocol.notification.ReasoningTextDeltaNotification;
import java.io.IOException;

/**
 * Writes the params of the streaming delta notifications (thousands per answer) straight to the generator,
 * field by field as databind would (record component order), skipping its serializer lookup and reflective
 * property access. {@code DeltaParamsWriterTest} holds the output byte for byte to databind's, so the
 * protocol records stay the single definition of these messages.
 */
final class DeltaParamsWriter {
    private DeltaParamsWriter() {}

    /** Writes {@code params} if it is a delta notification; false (nothing written) otherwise. */
    static boolean write(JsonGenerator g, Object params) throws IOException {
        switch (params) {
            case AgentMessageDeltaNotification d -> {
                start(g, d.threadId(), d.turnId(), d.itemId(), d.delta());
                g.writeEndObject();
            }
            case ReasoningSummaryTextDeltaNotification d -> {
                start(g, d.threadId(), d.turnId(), d.itemId(), d.delta());
                g.writeNumberField("summaryIndex", d.summaryIndex());
                g.writeEndObject();
            }
            case ReasoningTextDeltaNotification d -> {
                start(g, d.threadId(), d.turnId(), d.itemId(), d.delta());
                g.writeNumberField("contentIndex", d.contentIndex());
                g.writeEndObject();
            }
            case null, default -> {
                return false;
            }
        }
        return true;
    }

    private static void start(JsonGenerator g, String threadId, String turnId, String itemId, String delta)
            throws IOException {
        g.writeStartObject();
        field(g, "threadId", threadId);
        field(g, "turnId", turnId);
        field(g, "itemId", itemId);
        field(g, "delta", delta);
    }

    /** Null fields are written as null, as the protocol mapper does (it has no NON_NULL inclusion). */
    private static void field(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) g.writeNull();
        else g.writeString(value);
    }
}
