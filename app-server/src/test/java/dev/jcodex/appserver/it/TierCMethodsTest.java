package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.exec.InProcessClient;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.RequestMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every tier C method (features of Codex jcodex lacks) with valid params gets the truth: the exact empty or
 * null answer, or -32600 naming the method and the feature; with bad params, -32602 naming the field.
 */
class TierCMethodsTest {
    // not @TempDir: the in-process daemon may still be writing its thread index when the test ends, and a
    // strict recursive delete then fails a test that passed; this one is removed best-effort
    Path root;
    private InProcessClient client;

    /** {@code answer}: the exact result JSON, or null for "-32600 naming {@code feature}". */
    record Case(String method, String params, String answer, String feature, String badParams, String badField) {}

    static Case empty(String m, String params, String answer, String bad, String field) {
        return new Case(m, params, answer, null, bad, field);
    }

    static Case absent(String m, String params, String feature, String bad, String field) {
        return new Case(m, params, null, feature, bad, field);
    }

    static final String NO_FIELDS = "{}";

    static final List<Case> CASES = List.of(
            empty("threadSection/list", "{}", "{\"data\":[]}", "{\"limit\":\"10\"}", "limit"),
            absent("threadSection/create", "{\"name\":\"Work\",\"appearance\":{\"color\":\"red\"}}", "thread sections", "{}", "name"),
            absent("threadSection/update", "{\"sectionId\":\"s1\",\"name\":\"Work\"}", "thread sections", "{\"name\":\"Work\"}", "sectionId"),
            absent("threadSection/delete", "{\"sectionId\":\"s1\"}", "thread sections", "{}", "sectionId"),
            absent("thread/section/move", "{\"threadId\":\"t1\",\"sectionId\":null}", "thread sections", "{\"sectionId\":\"s1\"}", "threadId"),
            absent("thread/attachment/add", "{\"threadId\":\"t1\",\"attachmentType\":\"pr\",\"identityKey\":\"k\",\"payload\":{\"n\":1}}",
                    "thread attachments", "{\"threadId\":\"t1\",\"attachmentType\":\"pr\",\"identityKey\":\"k\"}", "payload"),
            empty("thread/attachment/list", "{\"threadId\":\"t1\",\"limit\":5}", "{\"data\":[]}", "{}", "threadId"),
            absent("thread/attachment/remove", "{\"threadId\":\"t1\",\"attachmentType\":\"pr\",\"identityKey\":\"k\"}",
                    "thread attachments", "{\"threadId\":\"t1\",\"identityKey\":\"k\"}", "attachmentType"),
            empty("thread/attachmentOwner/list", "{\"attachmentType\":\"pr\",\"identityKey\":\"k\"}", "{\"data\":[]}",
                    "{\"attachmentType\":\"pr\"}", "identityKey"),
            empty("plugin/list", "{\"cwds\":[\"/tmp\"],\"forceRefetch\":false}",
                    "{\"marketplaces\":[],\"featuredPluginIds\":[],\"marketplaceLoadErrors\":[]}", "{\"forceRefetch\":\"yes\"}", "forceRefetch"),
            empty("plugin/installed", "{}", "{\"marketplaces\":[],\"marketplaceLoadErrors\":[]}", "{\"cwds\":\"/tmp\"}", "cwds"),
            absent("plugin/read", "{\"pluginName\":\"gh\"}", "plugins", "{}", "pluginName"),
            absent("plugin/install", "{\"pluginName\":\"gh\"}", "plugins", "{\"pluginName\":7}", "pluginName"),
            absent("plugin/uninstall", "{\"pluginId\":\"gh@m\"}", "plugins", "{}", "pluginId"),
            empty("plugin/reconcile", "{\"reason\":\"startup\"}",
                    "{\"changedPlugins\":[],\"failedMaterializationRemotePluginIds\":[],\"failedRemotePluginIds\":[]}",
                    "{\"reason\":1}", "reason"),
            absent("plugin/skill/read", "{\"remoteMarketplaceName\":\"m\",\"remotePluginId\":\"p\",\"skillName\":\"s\"}", "plugins",
                    "{\"remoteMarketplaceName\":\"m\",\"remotePluginId\":\"p\"}", "skillName"),
            absent("plugin/share/save", "{\"pluginPath\":\"/tmp/p\",\"discoverability\":\"PRIVATE\"}", "plugins",
                    "{\"pluginPath\":\"/tmp/p\",\"discoverability\":\"SECRET\"}", "discoverability"),
            absent("plugin/share/updateTargets", "{\"discoverability\":\"LISTED\",\"remotePluginId\":\"p\",\"shareTargets\":"
                    + "[{\"principalId\":\"u\",\"principalType\":\"user\",\"role\":\"reader\"}]}", "plugins",
                    "{\"discoverability\":\"LISTED\",\"remotePluginId\":\"p\",\"shareTargets\":[{\"principalId\":\"u\",\"principalType\":\"user\"}]}",
                    "role"),
            empty("plugin/share/list", "{}", "{\"data\":[]}", "[]", "params"),
            absent("plugin/share/checkout", "{\"remotePluginId\":\"p\"}", "plugins", "{}", "remotePluginId"),
            absent("plugin/share/delete", "{\"remotePluginId\":\"p\"}", "plugins", "{}", "remotePluginId"),
            absent("marketplace/add", "{\"source\":\"owner/repo\"}", "plugin marketplaces", "{}", "source"),
            absent("marketplace/remove", "{\"marketplaceName\":\"m\"}", "plugin marketplaces", "{}", "marketplaceName"),
            empty("marketplace/upgrade", "{}", "{\"errors\":[],\"selectedMarketplaces\":[],\"upgradedRoots\":[]}",
                    "{\"marketplaceName\":[]}", "marketplaceName"),
            empty("app/list", "{\"limit\":20}", "{\"data\":[]}", "{\"limit\":-1}", "limit"),
            empty("app/read", "{\"appIds\":[\"a\",\"b\"]}", "{\"apps\":[],\"missingAppIds\":[\"a\",\"b\"]}", "{}", "appIds"),
            empty("app/installed", "{}", "{\"apps\":[]}", "{\"forceRefresh\":1}", "forceRefresh"),
            absent("account/gatewayOAuth/read", "null", "gateway OAuth", "{\"modelProvider\":1}", "modelProvider"),
            absent("account/gatewayOAuth/login", "{\"deviceAuth\":true}", "gateway OAuth", "{\"deviceAuth\":\"true\"}", "deviceAuth"),
            absent("account/gatewayOAuth/cancel", "null", "gateway OAuth", "[]", "params"),
            empty("account/securitySetup/read", "null", "{}", "[]", "params"),
            absent("account/usage/read", "null", "ChatGPT account usage summary", "{\"threadId\":1}", "threadId"),
            empty("account/workspaceMessages/read", "null", "{\"featureEnabled\":false,\"messages\":[]}", "[]", "params"),
            absent("account/rateLimitResetCredit/consume", "{\"idempotencyKey\":\"k\"}", "rate-limit reset credits", "{}", "idempotencyKey"),
            absent("account/sendAddCreditsNudgeEmail", "{\"creditType\":\"credits\"}", "ChatGPT credits emails",
                    "{\"creditType\":\"gold\"}", "creditType"),
            absent("externalAgentConfig/detect", "{\"includeHome\":true}", "external-agent config import",
                    "{\"includeHome\":\"yes\"}", "includeHome"),
            absent("externalAgentConfig/import", "{\"migrationItems\":[{\"description\":\"AGENTS.md\",\"itemType\":\"AGENTS_MD\"}]}",
                    "external-agent config import", "{\"migrationItems\":[{\"description\":\"x\",\"itemType\":\"NOPE\"}]}", "itemType"),
            absent("externalAgentConfig/import/recordHistory", "{\"providerId\":\"claude\",\"itemTypeResults\":"
                    + "[{\"itemType\":\"CONFIG\",\"successes\":[],\"failures\":[]}]}", "external-agent config import",
                    "{\"itemTypeResults\":[]}", "providerId"),
            empty("externalAgentConfig/import/readHistories", "null", "{\"data\":[],\"connectors\":[]}", "[]", "params"),
            absent("thread/approveGuardianDeniedAction", "{\"threadId\":\"t1\",\"event\":{\"id\":\"e\"}}", "guardian (auto-approval review)",
                    "{\"threadId\":\"t1\"}", "event"),
            absent("windowsSandbox/readiness", "null", "Windows sandbox", "[]", "params"),
            absent("windowsSandbox/setupStart", "{\"mode\":\"elevated\"}", "Windows sandbox", "{\"mode\":\"admin\"}", "mode"));

    @BeforeEach
    void start() throws Exception {
        root = Files.createTempDirectory("jcodex-tierc-");
        Path home = Files.createDirectories(root.resolve("home"));
        client = new InProcessClient(new AppServer(new ConfigLoader(home, List.of(), null)));
        client.call("initialize", Map.of("clientInfo", Map.of("name", "t", "version", "1")));
        client.notify("initialized");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theTableCoversEveryTierCMethodOfTheRegistry() {
        Set<String> registered = ClientRequests.TIER_C.stream().map(RequestMethod::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = CASES.stream().map(Case::method).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registered, tested);
        assertEquals(CASES.size(), tested.size(), "a method is listed twice");
    }

    @Test
    void validParamsGetTheTrueAnswer() throws Exception {
        for (Case c : CASES) {
            Object params = ProtocolJson.MAPPER.readTree(c.params());
            if (c.answer() != null) {
                JsonNode result = client.call(c.method(), params);
                assertEquals(ProtocolJson.MAPPER.readTree(c.answer()), withoutNulls(result), c.method());
            } else {
                var e = assertThrows(InProcessClient.RpcError.class, () -> client.call(c.method(), params), c.method());
                assertEquals(-32600, e.code(), c.method() + ": " + e.getMessage());
                assertEquals(c.method() + ": the feature '" + c.feature() + "' does not exist in jcodex", e.getMessage());
            }
        }
    }

    @Test
    void badParamsGetInvalidParamsNamingTheField() throws Exception {
        for (Case c : CASES) {
            Object params = ProtocolJson.MAPPER.readTree(c.badParams());
            var e = assertThrows(InProcessClient.RpcError.class, () -> client.call(c.method(), params), c.method());
            assertEquals(-32602, e.code(), c.method() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(c.badField()), c.method() + ": message does not name `" + c.badField() + "`: " + e.getMessage());
        }
    }

    /** Absent and null are the same on the wire for optional fields; compare without the nulls. */
    private static JsonNode withoutNulls(JsonNode n) {
        if (n.isObject()) {
            var out = ProtocolJson.MAPPER.createObjectNode();
            n.properties().forEach(e -> { if (!e.getValue().isNull()) out.set(e.getKey(), withoutNulls(e.getValue())); });
            return out;
        }
        return n;
    }
}
