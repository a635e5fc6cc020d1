package dev.jcodex.appserver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.mcp.McpConnectionManager;
import dev.jcodex.core.mcp.McpServerConfig;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.ListMcpServerStatusParams;
import dev.jcodex.protocol.v2.ListMcpServerStatusResponse;
import dev.jcodex.protocol.v2.McpAuthStatus;
import dev.jcodex.protocol.v2.McpServerConnectionStatus;
import dev.jcodex.protocol.v2.McpServerStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code mcpServerStatus/list}: each configured MCP server with its tools, resources and auth status. With
 * a threadId the thread's own connections answer; otherwise the servers of the current config are started
 * for the listing and stopped after it. Paged by an opaque index cursor.
 */
public final class McpHandler {
    private static final int DEFAULT_LIMIT = 100;

    private final ThreadManager threads;
    private final ConfigLoader configLoader;
    private final Supplier<dev.jcodex.core.mcp.McpTools> mcp;

    public McpHandler(ThreadManager threads, ConfigLoader configLoader, Supplier<dev.jcodex.core.mcp.McpTools> mcp) {
        this.threads = threads;
        this.configLoader = configLoader;
        this.mcp = mcp;
    }

    public void register(Dispatcher d) { d.onAsync(ClientRequests.MCP_SERVER_STATUS_LIST, this::list); }

    ListMcpServerStatusResponse list(JsonRpcConnection conn, ListMcpServerStatusParams p) throws InterruptedException {
        boolean full = p.detail() == null || !p.detail().equals("toolsAndAuthOnly");
        if (p.detail() != null && !p.detail().equals("full") && !p.detail().equals("toolsAndAuthOnly")) {
            throw RpcException.invalidParams("Invalid params for mcpServerStatus/list: `detail` must be full or toolsAndAuthOnly");
        }
        List<dev.jcodex.core.mcp.McpServerStatus> all;
        List<McpServerConfig> configs;
        if (p.threadId() != null) {
            AgentThread t = threads.get(p.threadId());
            if (t == null) throw RpcException.invalidRequest("thread not loaded: " + p.threadId());
            configs = McpServerConfig.fromConfig(t.config());
            all = configs.isEmpty() ? List.of() : mcp.get().managerFor(t).statuses(full);
        } else {
            configs = McpServerConfig.fromConfig(configLoader.load(Map.of()));
            if (p.serverName() != null) configs = configs.stream().filter(c -> c.name().equals(p.serverName())).toList();
            if (configs.isEmpty()) {
                all = List.of();
            } else {
                try (McpConnectionManager m = new McpConnectionManager("", configs, e -> { }, dev.jcodex.core.mcp.McpElicitations.DECLINE, () -> null)) {
                    m.start();
                    all = m.statuses(full);
                }
            }
        }
        if (p.serverName() != null) all = all.stream().filter(s -> s.name().equals(p.serverName())).toList();
        int start = 0;
        if (p.cursor() != null) {
            try { start = Integer.parseInt(p.cursor()); }
            catch (NumberFormatException e) { throw RpcException.invalidParams("Invalid params for mcpServerStatus/list: bad `cursor`"); }
        }
        int limit = p.limit() == null || p.limit() <= 0 ? DEFAULT_LIMIT : (int) Math.min(p.limit(), 1000);
        List<McpServerStatus> page = new ArrayList<>();
        for (int i = start; i < all.size() && page.size() < limit; i++) page.add(toWire(all.get(i), configs));
        String next = start + page.size() < all.size() ? String.valueOf(start + page.size()) : null;
        return new ListMcpServerStatusResponse(page, next);
    }

    private static McpServerStatus toWire(dev.jcodex.core.mcp.McpServerStatus s, List<McpServerConfig> configs) {
        Map<String, Object> tools = new LinkedHashMap<>();
        for (JsonNode t : s.tools()) tools.put(t.path("name").asText(), ProtocolJson.MAPPER.convertValue(t, Object.class));
        McpAuthStatus auth = s.authStatus().equals("bearerToken") ? McpAuthStatus.BEARER_TOKEN : McpAuthStatus.UNSUPPORTED;
        McpServerConnectionStatus runtime = switch (s.state()) {
            case "ready" -> McpServerConnectionStatus.CONNECTED;
            case "starting" -> McpServerConnectionStatus.STARTING;
            case "disabled" -> McpServerConnectionStatus.DISABLED;
            case "cancelled" -> McpServerConnectionStatus.CANCELLED;
            default -> McpServerConnectionStatus.FAILED;
        };
        String origin = null;
        for (McpServerConfig c : configs) {
            if (c.name().equals(s.name()) && c.transport() instanceof McpServerConfig.Http h) origin = origin(h.url());
        }
        return new McpServerStatus(s.name(), tools, objects(s.resources()), objects(s.resourceTemplates()), auth, runtime,
                s.serverInfo() == null || s.serverInfo().isMissingNode() ? null : ProtocolJson.MAPPER.convertValue(s.serverInfo(), Object.class),
                s.capabilities() == null || s.capabilities().isMissingNode() ? null : ProtocolJson.MAPPER.convertValue(s.capabilities(), Object.class),
                "ready".equals(s.state()) ? null : s.error(), origin);
    }

    private static List<Object> objects(List<JsonNode> nodes) {
        List<Object> out = new ArrayList<>();
        for (JsonNode n : nodes) out.add(ProtocolJson.MAPPER.convertValue(n, Object.class));
        return out;
    }

    private static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
