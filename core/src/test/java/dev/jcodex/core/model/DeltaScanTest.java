package dev.jcodex.core.model;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.core.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming read of delta events means exactly what the tree read means: for every payload either it
 * gives the same event or it declines (null) and the tree read handles the payload.
 */
class DeltaScanTest {
    private static List<ResponseEvent> viaTree(String json) throws Exception {
        List<ResponseEvent> out = new ArrayList<>();
        ResponsesClient.dispatch(Json.MAPPER.readTree(json), out::add);
        return out;
    }

    private static ResponseEvent viaScan(String json) {
        byte[] b = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        return DeltaScan.read(b, 2, b.length - 4);
    }

    private static List<ResponseEvent> viaDispatch(String json) throws Exception {
        List<ResponseEvent> out = new ArrayList<>();
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ResponsesClient.dispatch(b, 0, b.length, out::add);
        return out;
    }

    /** Payloads the scan must read itself (the shapes providers send). */
    private static final List<String> READ = List.of(
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                    + "\"delta\":\"w1 \",\"logprobs\":[],\"sequence_number\":12}",
            "{\"sequence_number\":3,\"logprobs\":[{\"token\":\"a\",\"top\":[{\"x\":[1,{}]}]}],\"delta\":\"tab\\t\\\"q\\\" \\u00e9 \\ud83d\\ude00 ✓\","
                    + "\"item_id\":\"msg_2\",\"obfuscation\":\"zz\",\"type\":\"response.output_text.delta\"}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"m\"}",
            "{\"type\":\"response.output_text.delta\",\"delta\":\"no id\"}",
            "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"summary_index\":2,\"delta\":\"think\"}",
            "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"delta\":\"no index\"}",
            "{\"type\":\"response.reasoning_text.delta\",\"item_id\":\"rs_1\",\"content_index\":1,\"delta\":\"raw\",\"summary_index\":9}",
            "  {\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"delta\":\"x\",\"delta\":\"last wins\"}  ");

    /** Payloads it must leave to the tree (other events, odd JSON types, broken JSON). */
    private static final List<String> DECLINED = List.of(
            "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}",
            "{\"type\":\"response.completed\",\"response\":{\"id\":\"r\",\"usage\":{\"input_tokens\":3,\"output_tokens\":4}}}",
            "{\"type\":\"response.output_item.added\",\"item\":{\"type\":\"message\",\"id\":\"m\"}}",
            "{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc\",\"delta\":\"{\"}",
            "{\"item_id\":\"m\",\"delta\":\"typeless\"}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":7,\"delta\":\"numeric id\"}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":null,\"delta\":\"null id\"}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"delta\":12}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"delta\":{\"text\":\"obj\"}}",
            "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"r\",\"summary_index\":\"1\",\"delta\":\"s\"}",
            "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"r\",\"summary_index\":1.5,\"delta\":\"s\"}",
            "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"r\",\"summary_index\":99999999999,\"delta\":\"s\"}",
            "{\"type\":7}",
            "{\"type\":\"response.output_text.delta\",\"delta\":\"x\",\"logprobs\":[{\"\\ud83d\\ud800\":1}]}",
            "{\"type\":\"response.output_text.delta\",\"delt\\u0061\":\"escaped name\"}",
            "[\"response.output_text.delta\"]",
            "\"response.output_text.delta\"");

    @Test
    void deltasAreReadAsTheTreeReadsThem() throws Exception {
        for (String json : READ) {
            ResponseEvent scanned = viaScan(json);
            assertNotNull(scanned, json);
            assertEquals(viaTree(json), List.of(scanned), json);
            assertEquals(List.of(scanned), viaDispatch(json), json);
        }
    }

    @Test
    void everythingElseIsLeftToTheTreeAndStillHandled() throws Exception {
        for (String json : DECLINED) {
            assertNull(viaScan(json), json);
            List<ResponseEvent> expected;
            try {
                expected = viaTree(json);
            } catch (java.io.IOException unparsable) {
                expected = List.of(); // skipped with a message on stderr
            }
            assertEquals(expected, viaDispatch(json), json);
        }
        assertEquals(List.of(new ResponseEvent.OutputTextDelta("7", "numeric id")),
                viaDispatch(DECLINED.get(5)));
    }

    @Test
    void brokenJsonIsSkippedAndNonUtf8BytesAreDecodedWithReplacement() throws Exception {
        assertNull(viaScan("{\"type\":\"response.output_text.delta\",\"delta\":\"cut"));
        assertEquals(List.of(), viaDispatch("{\"type\":\"response.output_text.delta\",\"delta\":\"cut"));
        byte[] bad = "{\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"delta\":\"a?b\"}"
                .getBytes(StandardCharsets.UTF_8);
        int q = new String(bad, StandardCharsets.UTF_8).indexOf('?');
        bad[q] = (byte) 0xff;
        assertNull(DeltaScan.read(bad, 0, bad.length));
        List<ResponseEvent> out = new ArrayList<>();
        ResponsesClient.dispatch(bad, 0, bad.length, out::add);
        assertEquals(List.of(new ResponseEvent.OutputTextDelta("m", "a\uFFFDb")), out);
    }

    /**
     * Generated events (shuffled fields, nested extra values, strings with escapes, non-ASCII, emoji, control
     * characters), then cut or with a byte changed: whenever the scan gives an event, the tree gives the same.
     */
    @Test
    void generatedAndDamagedPayloadsNeverDisagreeWithTheTree() throws Exception {
        java.util.Random rnd = new java.util.Random(Long.getLong("fuzzSeed", 20261122));
        int scanned = 0;
        int clean = 0;
        for (int n = 0; n < Integer.getInteger("fuzzRuns", 20_000); n++) {
            byte[] json = generated(rnd).getBytes(StandardCharsets.UTF_8);
            int mode = rnd.nextInt(4);
            if (mode == 1) json = java.util.Arrays.copyOf(json, rnd.nextInt(json.length));
            if (mode == 2) json[rnd.nextInt(json.length)] = (byte) "{}[]\\\":,0-e.tnu \u0001\u00ff\u00e9".charAt(rnd.nextInt(19));
            if (mode == 3) json[rnd.nextInt(json.length)] = (byte) rnd.nextInt(256);
            byte[] framed = new byte[json.length + 8];
            java.util.Arrays.fill(framed, (byte) '"');
            System.arraycopy(json, 0, framed, 4, json.length);
            ResponseEvent fast = DeltaScan.read(framed, 4, json.length);
            if (mode == 0) {
                clean++;
                assertNotNull(fast, new String(json, StandardCharsets.UTF_8));
            }
            if (fast == null) continue;
            scanned++;
            com.fasterxml.jackson.databind.JsonNode tree;
            try {
                tree = Json.MAPPER.readTree(json);
            } catch (java.io.IOException e) {
                fail("scan read what the tree refuses: " + new String(json, StandardCharsets.UTF_8) + " -> " + fast);
                return;
            }
            List<ResponseEvent> viaTree = new ArrayList<>();
            ResponsesClient.dispatch(tree, viaTree::add);
            assertEquals(viaTree, List.of(fast), new String(json, StandardCharsets.UTF_8));
        }
        assertTrue(clean > Integer.getInteger("fuzzRuns", 20_000) / 5 && scanned > clean, "clean " + clean + ", scanned " + scanned);
    }

    private static final String[] TYPES = {"response.output_text.delta", "response.reasoning_summary_text.delta",
            "response.reasoning_text.delta"};

    private static String generated(java.util.Random rnd) throws Exception {
        List<String> fields = new ArrayList<>();
        fields.add("\"type\":\"" + TYPES[rnd.nextInt(3)] + "\"");
        if (rnd.nextInt(10) > 0) fields.add("\"item_id\":" + Json.MAPPER.writeValueAsString("msg_" + rnd.nextInt(1000)));
        if (rnd.nextInt(10) > 0) fields.add("\"delta\":" + text(rnd));
        if (rnd.nextBoolean()) fields.add("\"summary_index\":" + (rnd.nextInt(5) - 1));
        if (rnd.nextBoolean()) fields.add("\"content_index\":" + rnd.nextInt(3));
        if (rnd.nextBoolean()) fields.add("\"sequence_number\":" + rnd.nextInt(100000));
        if (rnd.nextBoolean()) fields.add("\"logprobs\":" + value(rnd, 0));
        if (rnd.nextBoolean()) fields.add("\"obfuscation\":" + value(rnd, 0));
        java.util.Collections.shuffle(fields, rnd);
        String sep = rnd.nextInt(4) == 0 ? " ,\n " : ",";
        return (rnd.nextBoolean() ? "" : " ") + "{" + String.join(sep, fields) + "}" + (rnd.nextBoolean() ? "" : "\r\n");
    }

    /** A JSON string as a provider may send it: raw UTF-8 or \\u escapes, both through Jackson's writer. */
    private static String text(java.util.Random rnd) throws Exception {
        StringBuilder sb = new StringBuilder();
        String pool = "ab w1 \t\n\r\"\\/\u0001\u001fé✓\u2028\uFFFD";
        for (int k = rnd.nextInt(12); k > 0; k--) {
            if (rnd.nextInt(10) == 0) sb.append("😀");
            else sb.append(pool.charAt(rnd.nextInt(pool.length())));
        }
        String quoted = Json.MAPPER.writeValueAsString(sb.toString());
        if (rnd.nextBoolean()) return quoted;
        StringBuilder esc = new StringBuilder("\"");
        for (char ch : sb.toString().toCharArray()) esc.append(String.format("\\u%04x", (int) ch));
        return esc.append('"').toString();
    }

    private static String value(java.util.Random rnd, int depth) throws Exception {
        return switch (depth > 3 ? rnd.nextInt(4) : rnd.nextInt(7)) {
            case 0 -> text(rnd);
            case 1 -> String.valueOf(rnd.nextInt(2000) - 1000) + (rnd.nextBoolean() ? "" : ".5e-3");
            case 2 -> rnd.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4, 5 -> {
                List<String> items = new ArrayList<>();
                for (int k = rnd.nextInt(3); k > 0; k--) items.add(value(rnd, depth + 1));
                yield "[" + String.join(", ", items) + "]";
            }
            default -> {
                List<String> items = new ArrayList<>();
                for (int k = rnd.nextInt(3); k > 0; k--) items.add("\"k" + rnd.nextInt(9) + "é\":" + value(rnd, depth + 1));
                yield "{" + String.join(",", items) + "}";
            }
        };
    }

    @Test
    void completedEndsTheStream() throws Exception {
        byte[] b = "{\"type\":\"response.completed\",\"response\":{\"id\":\"r\"}}".getBytes(StandardCharsets.UTF_8);
        List<ResponseEvent> out = new ArrayList<>();
        assertTrue(ResponsesClient.dispatch(b, 0, b.length, out::add));
        assertEquals(1, out.size());
        assertInstanceOf(ResponseEvent.Completed.class, out.getFirst());
    }
}
