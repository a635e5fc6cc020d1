package dev.jcodex.appserver.rpc.validation;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.RequestMethod;
import dev.jcodex.protocol.v2.CommandExecParams;
import dev.jcodex.protocol.v2.CommandExecResizeParams;
import dev.jcodex.protocol.v2.FsRemoveParams;
import dev.jcodex.protocol.v2.ReviewStartParams;
import dev.jcodex.protocol.v2.ThreadListParams;
import dev.jcodex.protocol.v2.ThreadStartParams;
import dev.jcodex.protocol.v2.TurnStartParams;
import org.junit.jupiter.api.Test;

class ParamsValidatorTest {
    static final String INPUT = "\"input\":[{\"type\":\"text\",\"text\":\"hi\"}]";

    static String check(Class<?> type, String json) throws Exception {
        JsonNode n = ProtocolJson.MAPPER.readTree(json);
        ParamsValidator.Violation v = ParamsValidator.of(type).check(n);
        return v == null ? null : v.toString();
    }

    @Test
    void requiredFieldsAreNeitherMissingNorNull() throws Exception {
        assertEquals("params.threadId: expected string, got null", check(TurnStartParams.class, "{\"threadId\":null," + INPUT + "}"));
        assertEquals("params.input: expected array, got null", check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":null}"));
        assertEquals("params.threadId: missing required field, expected string", check(TurnStartParams.class, "{" + INPUT + "}"));
        assertNull(check(TurnStartParams.class, "{\"threadId\":\"t\"," + INPUT + ",\"cwd\":null,\"model\":null}"), "optional null = absent");
    }

    @Test
    void noScalarIsCoercedIntoAnother() throws Exception {
        assertEquals("params.input[0].text: expected string, got number 5",
                check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":[{\"type\":\"text\",\"text\":5}]}"));
        assertEquals("params.limit: expected integer, got string \"5\"", check(ThreadListParams.class, "{\"limit\":\"5\"}"));
        assertEquals("params.limit: expected integer, got number 5.0", check(ThreadListParams.class, "{\"limit\":5.0}"));
        assertEquals("params.limit: expected integer, got number 100.0", check(ThreadListParams.class, "{\"limit\":1e2}"));
        assertEquals("params.limit: expected a 32-bit integer, got 99999999999", check(ThreadListParams.class, "{\"limit\":99999999999}"));
        assertEquals("params.force: expected boolean, got number 1", check(FsRemoveParams.class, "{\"path\":\"/x\",\"force\":1}"));
        assertEquals("params.force: expected boolean, got string \"true\"", check(FsRemoveParams.class, "{\"path\":\"/x\",\"force\":\"true\"}"));
        assertEquals("params.path: expected string, got boolean true", check(FsRemoveParams.class, "{\"path\":true}"));
        assertNull(check(ThreadListParams.class, "{\"limit\":5,\"archived\":false}"));
    }

    /** The second line: the mapper that binds params coerces nothing either, validator or not. */
    @Test
    void protocolJsonAloneRefusesScalarCoercion() throws Exception {
        var m = ProtocolJson.MAPPER;
        for (String bad : new String[] {"{\"limit\":\"5\"}", "{\"limit\":5.0}", "{\"limit\":5.5}", "{\"archived\":1}",
                "{\"archived\":\"true\"}", "{\"sortKey\":5}", "{\"searchTerm\":true}", "{\"limit\":\"\"}"}) {
            assertThrows(com.fasterxml.jackson.databind.JsonMappingException.class,
                    () -> m.treeToValue(m.readTree(bad), ThreadListParams.class), bad);
        }
        assertEquals(5, m.treeToValue(m.readTree("{\"limit\":5,\"archived\":true}"), ThreadListParams.class).limit());
    }

    @Test
    void enumsUnionsArraysMapsAndNestedObjects() throws Exception {
        assertEquals("params.approvalPolicy: expected one of \"untrusted\", \"on-failure\", \"on-request\", \"never\"; got string \"bogus\"",
                check(ThreadStartParams.class, "{\"approvalPolicy\":\"bogus\"}"));
        String bogus = check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":[{\"type\":\"bogus\"}]}");
        assertTrue(bogus.startsWith("params.input[0].type: expected one of \"text\", \"image\""), bogus);
        assertTrue(check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":[{\"text\":\"x\"}]}")
                .startsWith("params.input[0].type: missing required field"));
        assertEquals("params.input[0]: expected object, got null", check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":[null]}"));
        assertEquals("params.input: expected array, got object", check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":{}}"));
        assertEquals("params.input[0].text_elements[0].byteRange.start: expected integer, got string \"0\"",
                check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":[{\"type\":\"text\",\"text\":\"x\",\"text_elements\":[{\"byteRange\":{\"start\":\"0\",\"end\":1}}]}]}"));
        assertEquals("params.sandboxPolicy.networkAccess: expected boolean, got null",
                check(TurnStartParams.class, "{\"threadId\":\"t\"," + INPUT + ",\"sandboxPolicy\":{\"type\":\"readOnly\",\"networkAccess\":null}}"));
        assertEquals("params.target.sha: missing required field, expected string",
                check(ReviewStartParams.class, "{\"threadId\":\"t\",\"target\":{\"type\":\"commit\"}}"));
        assertEquals("params.command[1]: expected string, got null", check(CommandExecParams.class, "{\"command\":[\"ls\",null]}"));
        assertEquals("params.command: expected array, got string \"echo hi\"", check(CommandExecParams.class, "{\"command\":\"echo hi\"}"));
        assertEquals("params.env.A: expected string, got number 5", check(CommandExecParams.class, "{\"command\":[\"true\"],\"env\":{\"A\":5}}"));
        assertNull(check(CommandExecParams.class, "{\"command\":[\"true\"],\"env\":{\"A\":null}}"), "a null env value unsets, as in Codex");
        assertEquals("params.size.rows: expected integer, got number 1.5",
                check(CommandExecResizeParams.class, "{\"processId\":\"p\",\"size\":{\"rows\":1.5,\"cols\":2}}"));
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevelAsCodexDoes() throws Exception {
        assertNull(check(TurnStartParams.class, "{\"threadId\":\"t\",\"input\":[{\"type\":\"text\",\"text\":\"hi\",\"zz\":1}],"
                + "\"newField\":{\"a\":[1]},\"sandboxPolicy\":{\"type\":\"readOnly\",\"zz\":true}}"));
    }

    @Test
    void everyClientMethodHasAShapeAndItsRequiredFieldsAreKnown() {
        for (RequestMethod<?, ?> m : ClientRequests.ALL) assertNotNull(ParamsValidator.of(m.params()), m.name());
        // the walk reads @JsonProperty from the accessor: a record component does not carry it itself
        var shape = (dev.jcodex.protocol.shape.WireShape.Obj) dev.jcodex.protocol.shape.WireShapes.of(TurnStartParams.class);
        assertTrue(shape.fields().stream().filter(f -> f.required()).map(f -> f.name()).toList().containsAll(java.util.List.of("threadId", "input")));
    }

    /** On the request path of every call: must cost microseconds, also for a 100 KB prompt. */
    @Test
    void validationCostsMicrosecondsPerRequest() throws Exception {
        String big = "x".repeat(100 * 1024);
        JsonNode p = ProtocolJson.MAPPER.readTree("{\"threadId\":\"01a2\",\"input\":[{\"type\":\"text\",\"text\":\"" + big
                + "\",\"text_elements\":[]}],\"cwd\":\"/tmp\",\"approvalPolicy\":\"never\",\"sandboxPolicy\":{\"type\":\"workspaceWrite\","
                + "\"writableRoots\":[\"/tmp\"],\"networkAccess\":true},\"model\":\"m\",\"effort\":\"high\"}");
        ParamsValidator v = ParamsValidator.of(TurnStartParams.class);
        for (int i = 0; i < 20_000; i++) assertNull(v.check(p));
        int n = 100_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) if (v.check(p) != null) fail();
        double perCallUs = (System.nanoTime() - t0) / 1e3 / n;
        System.out.printf("ParamsValidator: turn/start with a 100 KB input: %.3f µs per check%n", perCallUs);
        assertTrue(perCallUs < 100, perCallUs + " µs per check"); // generous: a loaded shared VM; measured well under 1 µs
    }
}
