package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.exec.InProcessClient;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * account/logout, account/login/cancel, account/rateLimits/read + updated, configRequirements/read,
 * permissionProfile/list and modelProvider/default/set, in process; answers compared with Codex 0.171's.
 */
class AccountAndRequirementsTest {
    @TempDir Path root;

    private InProcessClient client(String config) throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve("config.toml"), config);
        InProcessClient c = new InProcessClient(new AppServer(new ConfigLoader(home, List.of(), null)));
        c.call("initialize", Map.of("clientInfo", Map.of("name", "t", "version", "1")));
        c.notify("initialized");
        return c;
    }

    private static ObjectNode await(InProcessClient c, Predicate<JsonNode> p, List<ObjectNode> seen) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            ObjectNode m = c.next(200);
            if (m == null) continue;
            seen.add(m);
            if (p.test(m)) return m;
        }
        fail("not received; got " + seen);
        return null;
    }

    private static Predicate<JsonNode> method(String m) { return n -> m.equals(n.path("method").asText()); }

    private static int errorCode(InProcessClient c, String method, Object params) {
        var e = assertThrows(InProcessClient.RpcError.class, () -> c.call(method, params));
        return e.code();
    }

    private static String errorMessage(InProcessClient c, String method, Object params) {
        return assertThrows(InProcessClient.RpcError.class, () -> c.call(method, params)).getMessage();
    }

    @Test
    void loginAndLogoutTellEveryClientAndLogoutForgetsTheKey() throws Exception {
        assumeTrue(System.getenv("OPENAI_API_KEY") == null, "OPENAI_API_KEY would stay an account after logout");
        try (InProcessClient c = client("model_provider = \"openai\"\n")) {
            List<ObjectNode> seen = new ArrayList<>();
            c.call("account/login/start", Map.of("type", "apiKey", "apiKey", "sk-1"));
            JsonNode done = await(c, method("account/login/completed"), seen).path("params");
            assertTrue(done.path("success").asBoolean());
            assertTrue(done.path("loginId").isNull());
            assertEquals("apikey", await(c, method("account/updated"), seen).path("params").path("authMode").asText());

            assertTrue(c.call("account/logout", null).isEmpty());
            assertTrue(await(c, method("account/updated"), seen).path("params").path("authMode").isNull());
            assertFalse(Files.exists(root.resolve("home/auth.json")));
            assertTrue(c.call("account/read", Map.of()).path("account").isNull());
        }
    }

    @Test
    void loginCancelKnowsNoPendingLogin() throws Exception {
        try (InProcessClient c = client("")) {
            assertEquals("notFound", c.call("account/login/cancel", Map.of("loginId", "0b7c9d8e-1111-4222-8333-944455556666"))
                    .path("status").asText());
            assertEquals(-32602, errorCode(c, "account/login/cancel", Map.of()));
            assertTrue(errorMessage(c, "account/login/cancel", Map.of()).contains("loginId"));
        }
    }

    @Test
    void rateLimitsComeFromTheProvidersHeadersAfterEachResponse() throws Exception {
        try (MockResponses mock = new MockResponses(); InProcessClient c = client(mock.keylessConfigToml(""))) {
            assertEquals(-32602, errorCode(c, "account/rateLimits/read", Map.of("excludeResetCreditDetails", "x")));
            assertTrue(errorMessage(c, "account/rateLimits/read", Map.of("excludeResetCreditDetails", "x"))
                    .contains("excludeResetCreditDetails"));
            JsonNode before = c.call("account/rateLimits/read", null);
            assertEquals("codex", before.path("rateLimits").path("limitId").asText());
            assertTrue(before.path("rateLimits").path("primary").isNull());

            mock.next().header("x-codex-primary-used-percent", "12.5").header("x-codex-primary-window-minutes", "300")
                    .header("x-codex-primary-reset-at", "1900000000").header("x-codex-secondary-used-percent", "0")
                    .header("x-codex-credits-has-credits", "true").header("x-codex-credits-unlimited", "false")
                    .header("x-codex-credits-balance", " 42 ").message("hi", 1).completed();
            String thread = c.call("thread/start", Map.of("cwd", root.toString())).path("thread").path("id").asText();
            c.call("turn/start", Map.of("threadId", thread, "input", List.of(Map.of("type", "text", "text", "hi"))));
            List<ObjectNode> seen = new ArrayList<>();
            JsonNode rl = await(c, method("account/rateLimits/updated"), seen).path("params").path("rateLimits");
            await(c, method("turn/completed"), seen);
            List<String> order = seen.stream().map(m -> m.path("method").asText()).toList();
            assertTrue(order.indexOf("thread/tokenUsage/updated") < order.indexOf("account/rateLimits/updated"), order.toString());
            assertEquals(13, rl.path("primary").path("usedPercent").asInt());
            assertEquals(300, rl.path("primary").path("windowDurationMins").asLong());
            assertEquals(1900000000L, rl.path("primary").path("resetsAt").asLong());
            assertTrue(rl.path("secondary").isNull(), "a 0% window without length or reset says nothing");
            assertEquals("42", rl.path("credits").path("balance").asText());
            assertTrue(rl.path("planType").isNull());
            JsonNode read = c.call("account/rateLimits/read", Map.of());
            assertEquals(rl, read.path("rateLimits"));
            assertEquals(rl, read.path("rateLimitsByLimitId").path("codex"));

            // a provider that sends no rate-limit headers: the default family with null windows, as Codex reports
            mock.next().message("again", 1).completed();
            c.call("turn/start", Map.of("threadId", thread, "input", List.of(Map.of("type", "text", "text", "again"))));
            JsonNode none = await(c, method("account/rateLimits/updated"), seen).path("params").path("rateLimits");
            assertEquals("codex", none.path("limitId").asText());
            assertTrue(none.path("primary").isNull());
            assertTrue(none.path("credits").isNull());
        }
    }

    @Test
    void requirementsAndPermissionProfilesSayWhatJcodexHas() throws Exception {
        try (InProcessClient c = client("")) {
            assertTrue(c.call("configRequirements/read", null).path("requirements").isNull());
            assertEquals(-32602, errorCode(c, "configRequirements/read", List.of(1)));
            JsonNode all = c.call("permissionProfile/list", Map.of());
            assertEquals(List.of(":read-only", ":workspace", ":danger-full-access"), all.path("data").findValuesAsText("id"));
            assertTrue(all.path("data").get(0).path("allowed").asBoolean());
            assertTrue(all.path("nextCursor").isNull());
            JsonNode page = c.call("permissionProfile/list", Map.of("limit", 1));
            assertEquals(1, page.path("data").size());
            assertEquals("1", page.path("nextCursor").asText());
            JsonNode rest = c.call("permissionProfile/list", Map.of("cursor", "1"));
            assertEquals(":workspace", rest.path("data").get(0).path("id").asText());
            assertEquals(-32602, errorCode(c, "permissionProfile/list", Map.of("cursor", "zzz")));
            assertTrue(errorMessage(c, "permissionProfile/list", Map.of("cursor", "zzz")).contains("cursor"));
            assertTrue(errorMessage(c, "permissionProfile/list", Map.of("limit", "x")).contains("limit"));
        }
    }

    @Test
    void modelProviderDefaultSetWritesTheUserConfigAndNewThreadsUseIt() throws Exception {
        try (MockResponses mock = new MockResponses(); InProcessClient c = client(mock.keylessConfigToml(""))) {
            assertEquals(-32602, errorCode(c, "modelProvider/default/set", Map.of()));
            assertTrue(errorMessage(c, "modelProvider/default/set", Map.of()).contains("providerId"));
            String unknown = errorMessage(c, "modelProvider/default/set", Map.of("providerId", "nope"));
            assertTrue(unknown.contains("providerId") && unknown.contains("nope"), unknown);

            JsonNode r = c.call("modelProvider/default/set", Map.of("providerId", "ollama"));
            assertEquals("ok", r.path("status").asText());
            assertTrue(Files.readString(root.resolve("home/config.toml")).contains("model_provider = \"ollama\""));
            JsonNode t = c.call("thread/start", Map.of("cwd", root.toString()));
            assertEquals("ollama", t.path("modelProvider").asText());
            c.call("modelProvider/default/set", Map.of("providerId", "mock"));
            assertEquals("mock", c.call("thread/start", Map.of("cwd", root.toString())).path("modelProvider").asText());
        }
    }
}
