package dev.jcodex.appserver.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON-RPC envelopes as trees, on jackson-core alone. Building the databind ObjectMapper costs a cold
 * process more than anything else before its first reply (its default date format loads locale, calendar
 * and number-format data), and an envelope needs none of it: requests are read as trees, and trees
 * (ids, raw results) are written directly. Typed params and results still go through
 * {@link ProtocolJson#MAPPER}, which then initializes on first use, after the handshake.
 */
public final class TreeCodec {
    /** Duplicate keys are a parse error: which of two {@code "id"}s counts must not depend on the parser. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256)
                    .maxStringLength(64 * 1024 * 1024).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeCodec() {}

    /** One JSON value, with nothing but whitespace after it (the same rules as ProtocolJson.MAPPER.readTree). */
    public static JsonNode read(byte[] buf, int off, int len) throws IOException {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            JsonToken first = p.nextToken();
            if (first == null) return null;
            JsonNode root = readValue(p, first);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new JsonParseException(p, "Trailing token (of type " + extra + ") found after value");
            }
            return root;
        }
    }

    /** Iterative, so nesting depth is bounded by the parser's constraint and never by the stack. */
    private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return scalar(p, t);
        ArrayDeque<JsonNode> stack = new ArrayDeque<>();
        JsonNode root = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        stack.push(root);
        String field = null; // inside an object every value follows its FIELD_NAME
        while (!stack.isEmpty()) {
            t = p.nextToken();
            if (t == null) throw new JsonParseException(p, "Unexpected end-of-input");
            JsonNode top = stack.peek();
            switch (t) {
                case FIELD_NAME -> field = p.currentName();
                case END_OBJECT, END_ARRAY -> stack.pop();
                case START_OBJECT, START_ARRAY -> {
                    JsonNode child = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                    add(top, field, child);
                    stack.push(child);
                }
                default -> add(top, field, scalar(p, t));
            }
        }
        return root;
    }

    private static void add(JsonNode parent, String field, JsonNode child) {
        if (parent instanceof ObjectNode o) o.set(field, child);
        else ((ArrayNode) parent).add(child);
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "Unexpected token " + t);
        };
    }

    /** Writes a tree without an ObjectCodec. */
    public static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> it = n.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode c : n) write(g, c);
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    default -> g.writeNumber(n.doubleValue());
                }
            }
            default -> g.writeString(n.asText()); // binary / POJO nodes do not occur in envelopes
        }
    }
}
