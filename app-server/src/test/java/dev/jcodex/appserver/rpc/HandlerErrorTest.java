package dev.jcodex.appserver.rpc;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.protocol.RequestMethod;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An Error thrown by a handler (out of memory, stack overflow) answers -32603 and the connection serves on. */
class HandlerErrorTest {
    @Test
    void errorsInQuickAsyncAndDeferredHandlersAnswerInternalErrorAndLaterRequestsRun() throws Exception {
        Dispatcher d = new Dispatcher();
        // "initialize" is the one method served before the handshake, so the test needs no session setup; its
        // params carry a clientInfo because the dispatcher validates them against InitializeParams first
        d.on(new RequestMethod<>("initialize", ObjectNode.class, Object.class), (c, p) -> {
            switch (p.path("fail").asText()) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "deferred" -> {
                    CompletableFuture<Object> f = new CompletableFuture<>();
                    f.completeExceptionally(new OutOfMemoryError("later"));
                    return f;
                }
                case "overflow" -> throw new StackOverflowError();
                default -> { return p; }
            }
        });
        LinkedBlockingQueue<JsonNode> out = new LinkedBlockingQueue<>();
        JsonRpcConnection conn = new JsonRpcConnection(new Outbound() {
            @Override
            public boolean send(byte[] message) {
                try {
                    out.add(ProtocolJson.MAPPER.readTree(message));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                return true;
            }

            @Override
            public void close() {}
        }, d);
        int id = 0;
        for (String fail : new String[] {"oom", "deferred", "overflow", "oom"}) {
            send(conn, ++id, fail);
            JsonNode r = out.poll(5, TimeUnit.SECONDS);
            assertNotNull(r, "no answer to request " + id + " (" + fail + ")");
            assertEquals(id, r.path("id").asInt(), r.toString());
            assertEquals(-32603, r.path("error").path("code").asInt(), r.toString());
            assertTrue(r.path("error").path("message").asText().startsWith("Internal error: java.lang."), r.toString());
        }
        send(conn, ++id, "none");
        JsonNode ok = out.poll(5, TimeUnit.SECONDS);
        assertNotNull(ok, "the connection stopped serving after an Error");
        assertEquals("none", ok.path("result").path("fail").asText(), ok.toString());
        conn.close();
    }

    private static void send(JsonRpcConnection conn, int id, String fail) {
        byte[] b = ("{\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"},\"fail\":\"" + fail + "\"}}").getBytes(StandardCharsets.UTF_8);
        conn.handle(b, 0, b.length);
    }
}
