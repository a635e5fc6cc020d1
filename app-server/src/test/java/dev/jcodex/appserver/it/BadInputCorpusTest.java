package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 10,000+ generated malformed lines (seeded, so a failure reproduces) against the real daemon over stdio.
 * Each line has an expected outcome: an error with id null and a given code (unparsable or not a request),
 * an error or result for its own id, or nothing (responses to unknown ids, unknown notifications, blank
 * lines). Null-id errors come from the reader in line order, so they are checked in sequence. Every stdout
 * line must be a JSON object, and the daemon must still answer at the end.
 */
class BadInputCorpusTest {
    static final int LINES = 10_000;
    static final int WINDOW = 100;

    /** What one line must produce. {@code id} null: an error with id null; codes: acceptable error codes; result: success. */
    record Expect(Object id, Set<Integer> codes, boolean result, boolean silent) {
        static Expect nullId(Integer... codes) { return new Expect(null, Set.of(codes), false, false); }
        static Expect error(Object id, Integer... codes) { return new Expect(id, Set.of(codes), false, false); }
        static Expect ok(Object id) { return new Expect(id, Set.of(), true, false); }
        static Expect none() { return new Expect(null, Set.of(), false, true); }
    }

    record Line(byte[] bytes, Expect expect, String kind) {}

    final Random rnd = new Random(20240607);
    long nextId = 1000;
    String root;

    @Test
    void tenThousandMalformedLinesEachGetTheRightAnswerAndTheDaemonSurvives() throws Exception {
        try (Daemon d = Daemon.start(null)) {
            d.initialize();
            root = d.work().toString();
            List<Line> corpus = new ArrayList<>();
            while (corpus.size() < LINES) corpus.add(generate());
            Map<String, Integer> kinds = new HashMap<>();
            for (Line l : corpus) kinds.merge(l.kind(), 1, Integer::sum);

            int seen = d.received().size();
            int nullSeen = 0;
            for (int start = 0; start < corpus.size(); start += WINDOW) {
                List<Line> window = corpus.subList(start, Math.min(corpus.size(), start + WINDOW));
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                for (Line l : window) {
                    buf.write(l.bytes());
                    buf.write('\n');
                }
                d.sendBytes(buf.toByteArray());
                long expected = window.stream().filter(l -> !l.expect().silent()).count();
                long deadline = System.currentTimeMillis() + 30_000;
                while (d.received().size() - seen < expected && System.currentTimeMillis() < deadline) Thread.sleep(2);
                List<JsonNode> got = d.received().subList(seen, d.received().size());
                assertEquals(expected, got.size(), "answers for lines " + start + ".." + (start + window.size()));
                seen = d.received().size();
                nullSeen += check(window, got, start);
            }
            System.out.printf("corpus: %d lines, %d null-id errors, kinds %s%n", corpus.size(), nullSeen, kinds);
            assertTrue(d.isAlive(), "daemon alive");
            assertTrue(d.badLines().isEmpty(), "stdout carried only JSON objects: " + d.badLines().size());
            JsonNode ok = d.result(d.request("fs/getMetadata", Map.of("path", root)));
            assertTrue(ok.path("isDirectory").asBoolean());
        }
    }

    /** Matches one window's answers to its lines; returns the number of null-id errors. */
    private int check(List<Line> window, List<JsonNode> got, int start) {
        Map<String, JsonNode> byId = new HashMap<>();
        List<JsonNode> nulls = new ArrayList<>();
        for (JsonNode n : got) {
            assertFalse(n.has("method"), "no notifications expected: " + n);
            if (n.path("id").isNull()) nulls.add(n);
            else assertNull(byId.put(n.get("id").toString(), n), "one answer per id: " + n);
        }
        int ni = 0;
        for (int i = 0; i < window.size(); i++) {
            Line l = window.get(i);
            Expect e = l.expect();
            String where = "line " + (start + i) + " (" + l.kind() + "): " + preview(l.bytes());
            if (e.silent()) continue;
            if (e.id() == null) {
                assertTrue(ni < nulls.size(), "missing null-id error for " + where);
                JsonNode n = nulls.get(ni++);
                assertTrue(e.codes().contains(n.path("error").path("code").asInt()), where + " got " + n);
                continue;
            }
            String key = e.id() instanceof String s ? "\"" + s + "\"" : e.id().toString();
            JsonNode n = byId.get(key);
            assertNotNull(n, "no answer for " + where);
            if (e.result()) assertTrue(n.has("result"), where + " got " + n);
            else assertTrue(e.codes().contains(n.path("error").path("code").asInt()), where + " got " + n);
        }
        return nulls.size();
    }

    private Line generate() {
        int k = rnd.nextInt(20);
        long id = nextId++;
        String sid = rnd.nextBoolean() ? String.valueOf(id) : "\"s-" + id + "\"";
        Object idv = sid.startsWith("\"") ? "s-" + id : (Object) id;
        String valid = "{\"id\":" + sid + ",\"method\":\"fs/getMetadata\",\"params\":{\"path\":\"" + root + "\"}}";
        return switch (k) {
            case 0 -> line(valid.substring(0, 1 + rnd.nextInt(valid.length() - 2)), Expect.nullId(-32700), "truncated");
            case 1 -> line(garbage(), Expect.nullId(-32700), "garbage");
            case 2 -> new Line(invalidUtf8(sid), Expect.nullId(-32700), "invalid-utf8");
            case 3 -> line(deep(300 + rnd.nextInt(3000)), Expect.nullId(-32600, -32700), "deep");
            case 4 -> line(rnd.nextBoolean() ? "[]" : "[" + valid + "," + valid + "]", Expect.nullId(-32600), "batch");
            case 5 -> line(List.of("42", "\"str\"", "true", "null", "-1.5e3").get(rnd.nextInt(5)), Expect.nullId(-32600), "scalar");
            case 6 -> line("{\"id\":" + sid + ",\"method\":\"no/such" + rnd.nextInt(1000) + "\",\"params\":{}}",
                    Expect.error(idv, -32601), "unknown-method");
            case 7 -> line("{\"id\":null,\"method\":\"fs/getMetadata\",\"params\":{\"path\":\"/\"}}", Expect.nullId(-32600), "null-id");
            case 8 -> line("{\"id\":" + List.of("1.5", "{}", "[1]", "true").get(rnd.nextInt(4)) + ",\"method\":\"fs/getMetadata\"}",
                    Expect.nullId(-32600), "bad-id-type");
            case 9 -> line("{\"id\":" + sid + ",\"method\":" + List.of("5", "null", "{}", "[\"x\"]").get(rnd.nextInt(4)) + "}",
                    Expect.error(idv, -32600), "bad-method-type");
            case 10 -> line("{\"id\":" + sid + "," + wrongParams() + "}", Expect.error(idv, -32602), "wrong-param-types");
            case 11 -> line("{\"id\":" + sid + ",\"method\":\"fs/getMetadata\",\"params\":{\"path\":\"/" + "a".repeat(1000 + rnd.nextInt(200_000)) + "\"}}",
                    Expect.error(idv, -32603), "huge-path");
            case 12 -> line("{\"id\":" + sid + ",\"method\":\"fs/getMetadata\",\"params\":{\"path\":\"" + root + "\",\"pad\":\""
                    + "x".repeat(rnd.nextInt(500_000)) + "\"}}", Expect.ok(idv), "huge-extra-field");
            case 13 -> line("{\"id\":" + (900_000_000 + id) + ",\"result\":{\"decision\":\"accept\"}}", Expect.none(), "stray-response");
            case 14 -> line("{\"id\":" + (900_000_000 + id) + ",\"error\":{\"code\":1,\"message\":\"x\"}}", Expect.none(), "stray-error");
            case 15 -> line("{\"method\":\"no/suchNotification\",\"params\":{}}", Expect.none(), "unknown-notification");
            case 16 -> line(List.of("", "   ", "\t", "\r").get(rnd.nextInt(4)), Expect.none(), "blank");
            case 17 -> line("{\"id\":" + sid + "}", Expect.error(idv, -32600), "no-method");
            case 18 -> line("{\"id\":" + sid + ",\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}",
                    Expect.error(idv, -32600), "second-initialize");
            default -> line(valid, Expect.ok(idv), "valid");
        };
    }

    private String wrongParams() {
        return switch (rnd.nextInt(6)) {
            case 0 -> "\"method\":\"fs/getMetadata\",\"params\":{\"path\":" + rnd.nextInt() + "}";
            case 1 -> "\"method\":\"fs/readFile\",\"params\":[\"/etc/hostname\"]";
            case 2 -> "\"method\":\"command/exec\",\"params\":{\"command\":\"echo hi\"}";
            case 3 -> "\"method\":\"fs/writeFile\",\"params\":{\"path\":\"/tmp/x\"}";
            case 4 -> "\"method\":\"fs/getMetadata\",\"params\":{\"path\":\"relative/path\"}";
            default -> "\"method\":\"fs/remove\",\"params\":{\"path\":\"/nonexistent-jcodex\",\"force\":\"yes\"}";
        };
    }

    private String garbage() {
        String[] g = {"this is not json", "{'single': 'quotes'}", "{\"a\":1}}", "{\"a\" 1}", "{\"id\":1,\"method\":\"x\",}",
                "NaN", "{\"id\":01,\"method\":\"x\"}", "\u0000\u0001", "}{", "{\"id\":1 \"method\":\"x\"}"};
        String s = g[rnd.nextInt(g.length)];
        return s;
    }

    private byte[] invalidUtf8(String sid) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] b = bad[rnd.nextInt(bad.length)];
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(("{\"id\":" + sid + ",\"method\":\"no/such").getBytes(StandardCharsets.UTF_8));
        o.writeBytes(b);
        o.writeBytes("\",\"params\":{}}".getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }

    private String deep(int depth) {
        String open = rnd.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"id\":1,\"method\":\"fs/getMetadata\",\"params\":{\"x\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}}";
    }

    private static Line line(String s, Expect e, String kind) { return new Line(s.getBytes(StandardCharsets.UTF_8), e, kind); }

    private static String preview(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 160), StandardCharsets.UTF_8);
        return b.length > 160 ? s + "…(" + b.length + " bytes)" : s;
    }
}
