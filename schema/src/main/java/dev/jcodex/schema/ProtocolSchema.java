package dev.jcodex.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.RequestMethod;
import dev.jcodex.protocol.ServerNotifications;
import dev.jcodex.protocol.ServerRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the JSON Schema (draft-07) of the whole protocol from the Java wire types: one definition per
 * type, plus the unions {@code ClientRequest}, {@code ServerRequest} and {@code ServerNotification} built
 * from the method tables, and {@code x-responses} (method → result type). Deterministic output, so a test
 * can compare it byte for byte with the committed file.
 */
public final class ProtocolSchema {
    public static final String FILE = "jcodex-protocol.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ProtocolSchema() {}

    public static String generate() throws IOException {
        TypeSchemas types = new TypeSchemas();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", "jcodex app-server protocol (Codex app-server v2 wire format)");
        Map<String, ObjectNode> unions = new TreeMap<>();
        unions.put("ClientRequest", requestUnion(types, ClientRequests.ALL));
        unions.put("ServerRequest", requestUnion(types, ServerRequests.ALL));
        ArrayNode notes = MAPPER.createArrayNode();
        Map<String, Class<?>> sorted = new TreeMap<>();
        ServerNotifications.all().forEach((type, method) -> sorted.put(method, type));
        sorted.forEach((method, type) -> notes.add(envelope(method, types.ref(type), false)));
        unions.put("ServerNotification", (ObjectNode) MAPPER.createObjectNode().set("oneOf", notes));
        ObjectNode responses = MAPPER.createObjectNode();
        for (RequestMethod<?, ?> m : ClientRequests.ALL) responses.set(m.name(), types.ref(m.result()));
        for (RequestMethod<?, ?> m : ServerRequests.ALL) responses.set(m.name(), types.ref(m.result()));

        ObjectNode defs = root.putObject("definitions");
        unions.forEach(defs::set);
        types.definitions().forEach(defs::set);
        root.set("x-responses", responses);
        return MAPPER.writeValueAsString(MAPPER.readTree(MAPPER.writeValueAsString(root))) + "\n";
    }

    private static ObjectNode requestUnion(TypeSchemas types, List<RequestMethod<?, ?>> methods) {
        ArrayNode variants = MAPPER.createArrayNode();
        for (RequestMethod<?, ?> m : methods) variants.add(envelope(m.name(), types.ref(m.params()), true));
        return (ObjectNode) MAPPER.createObjectNode().set("oneOf", variants);
    }

    private static ObjectNode envelope(String method, ObjectNode paramsRef, boolean withId) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "object");
        o.put("title", titleOf(method) + (withId ? "Request" : "Notification"));
        ObjectNode props = o.putObject("properties");
        if (withId) {
            ArrayNode idTypes = props.putObject("id").putArray("type");
            idTypes.add("string").add("integer");
        }
        props.putObject("method").put("type", "string").put("const", method);
        props.set("params", paramsRef);
        ArrayNode req = o.putArray("required");
        if (withId) req.add("id");
        req.add("method");
        req.add("params");
        return o;
    }

    /** {@code item/agentMessage/delta} → {@code ItemAgentMessageDelta}. */
    static String titleOf(String method) {
        StringBuilder sb = new StringBuilder();
        for (String part : method.split("[/_]")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** {@code ProtocolSchema <dir>} writes the schema file into dir. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "schema/json");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE), generate());
        System.out.println("wrote " + dir.resolve(FILE));
    }
}
