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
            assertEquals(viaTree(json), viaDispatch(json), json);
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

    @Test
    void completedEndsTheStream() throws Exception {
        byte[] b = "{\"type\":\"response.completed\",\"response\":{\"id\":\"r\"}}".getBytes(StandardCharsets.UTF_8);
        List<ResponseEvent> out = new ArrayList<>();
        assertTrue(ResponsesClient.dispatch(b, 0, b.length, out::add));
        assertEquals(1, out.size());
        assertInstanceOf(ResponseEvent.Completed.class, out.getFirst());
    }
}
