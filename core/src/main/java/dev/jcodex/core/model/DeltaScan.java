package dev.jcodex.core.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jcodex.core.util.Json;
import java.io.IOException;

/**
 * Reads the Responses stream's delta events (nearly every event of a long answer) with one streaming pass
 * over their JSON: the wanted scalars are kept, everything else ({@code logprobs}, ...) is skipped, and no
 * tree is built. Anything unexpected (another event type, a field of an odd JSON type, broken JSON) gives
 * {@code null}, and the caller reads the event as a tree, so both paths mean the same for every input.
 */
final class DeltaScan {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private DeltaScan() {}

    /** The event if it is a text, reasoning-summary or reasoning-content delta; otherwise null. */
    static ResponseEvent read(byte[] b, int off, int len) {
        String type = null;
        String itemId = null;
        String delta = "";
        int summaryIndex = 0;
        int contentIndex = 0;
        try (JsonParser p = FACTORY.createParser(b, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "type" -> {
                        if (v != JsonToken.VALUE_STRING) return null;
                        type = p.getText();
                        if (!isDelta(type)) return null;
                    }
                    case "item_id" -> {
                        if (v != JsonToken.VALUE_STRING) return null;
                        itemId = p.getText();
                    }
                    case "delta" -> {
                        if (v != JsonToken.VALUE_STRING) return null;
                        delta = p.getText();
                    }
                    case "summary_index" -> {
                        if (!isInt(p, v)) return null;
                        summaryIndex = p.getIntValue();
                    }
                    case "content_index" -> {
                        if (!isInt(p, v)) return null;
                        contentIndex = p.getIntValue();
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || type == null) return null;
        } catch (IOException e) {
            return null;
        }
        return switch (type) {
            case "response.output_text.delta" -> new ResponseEvent.OutputTextDelta(itemId, delta);
            case "response.reasoning_summary_text.delta" -> new ResponseEvent.ReasoningSummaryDelta(itemId, delta, summaryIndex);
            default -> new ResponseEvent.ReasoningContentDelta(itemId, delta, contentIndex);
        };
    }

    private static boolean isDelta(String type) {
        return switch (type) {
            case "response.output_text.delta", "response.reasoning_summary_text.delta",
                 "response.reasoning_text.delta" -> true;
            default -> false;
        };
    }

    private static boolean isInt(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
    }
}
