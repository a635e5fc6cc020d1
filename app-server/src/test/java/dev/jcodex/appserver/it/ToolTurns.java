package dev.jcodex.appserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers shared by the tool and approval tests. */
final class ToolTurns {
    private ToolTurns() {}

    static String thread(Daemon d, String approval, String sandbox) throws Exception {
        return d.result(d.request("thread/start", Map.of("cwd", d.work().toString(), "approvalPolicy", approval,
                "sandbox", sandbox))).path("thread").path("id").asText();
    }

    static String args(String cmd) {
        return Daemon.M.createObjectNode().put("cmd", cmd).put("login", false).put("yield_time_ms", 10_000).toString();
    }

    /** Notifications with {@code method} received so far. */
    static List<JsonNode> notes(Daemon d, String method) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : d.received()) if (method.equals(n.path("method").asText()) && !n.has("id")) out.add(n);
        return out;
    }

    /** item/completed notifications for items of {@code type}. */
    static List<JsonNode> completed(Daemon d, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : notes(d, "item/completed")) {
            if (type.equals(n.path("params").path("item").path("type").asText())) out.add(n.path("params").path("item"));
        }
        return out;
    }

    static int indexOf(Daemon d, java.util.function.Predicate<JsonNode> p) {
        List<JsonNode> all = d.received();
        for (int i = 0; i < all.size(); i++) if (p.test(all.get(i))) return i;
        return -1;
    }

    static List<JsonNode> serverRequests(Daemon d) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : d.received()) if (n.has("method") && n.has("id")) out.add(n);
        return out;
    }
}
