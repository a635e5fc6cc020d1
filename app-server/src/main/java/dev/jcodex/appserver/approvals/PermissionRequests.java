package dev.jcodex.appserver.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.tools.permissions.PermissionGate;
import dev.jcodex.core.tools.permissions.PermissionGrant;
import dev.jcodex.core.tools.permissions.PermissionRequest;
import dev.jcodex.protocol.ServerRequests;
import dev.jcodex.protocol.serverrequest.PermissionsRequestApprovalParams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * request_permissions as {@code item/permissions/requestApproval}, asked of every client following the thread
 * like approvals (see {@link ThreadRequests}). Nobody following, or everyone gone: nothing is granted.
 */
public final class PermissionRequests implements PermissionGate {
    private final ThreadRequests requests;

    public PermissionRequests(ThreadRequests requests) { this.requests = requests; }

    @Override
    public CompletableFuture<PermissionGrant> request(PermissionRequest r) {
        List<PermissionsRequestApprovalParams.Entry> entries = new ArrayList<>();
        for (String p : r.read()) entries.add(new PermissionsRequestApprovalParams.Entry(new PermissionsRequestApprovalParams.Path("path", p), "read"));
        for (String p : r.write()) entries.add(new PermissionsRequestApprovalParams.Entry(new PermissionsRequestApprovalParams.Path("path", p), "write"));
        var fs = r.read().isEmpty() && r.write().isEmpty() ? null : new PermissionsRequestApprovalParams.FileSystem(
                r.read().isEmpty() ? null : r.read(), r.write().isEmpty() ? null : r.write(), entries);
        var network = r.network() == null ? null : new PermissionsRequestApprovalParams.Network(r.network());
        var params = new PermissionsRequestApprovalParams(r.threadId(), r.turnId(), r.callId(), "local", r.startedAtMs(),
                r.cwd(), r.reason(), new PermissionsRequestApprovalParams.Profile(network, fs));
        return requests.ask(r.threadId(), ServerRequests.PERMISSIONS_APPROVAL.name(), params, PermissionRequests::grant,
                null, null);
    }

    /** The client's answer: read/write lists and path entries (by access), network.enabled, scope. */
    static PermissionGrant grant(JsonNode result) {
        JsonNode p = result == null ? null : result.path("permissions");
        if (p == null || !p.isObject()) return PermissionGrant.NONE;
        Set<String> read = new LinkedHashSet<>(strings(p.path("fileSystem").path("read")));
        Set<String> write = new LinkedHashSet<>(strings(p.path("fileSystem").path("write")));
        for (JsonNode e : p.path("fileSystem").path("entries")) {
            String path = e.path("path").path("path").asText(null);
            if (path == null || !"path".equals(e.path("path").path("type").asText())) continue;
            switch (e.path("access").asText()) {
                case "read" -> read.add(path);
                case "write" -> write.add(path);
                default -> { }
            }
        }
        boolean network = p.path("network").path("enabled").asBoolean(false);
        boolean session = "session".equals(result.path("scope").asText("turn"));
        return new PermissionGrant(List.copyOf(read), List.copyOf(write), network, session);
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr.isArray()) for (JsonNode n : arr) if (n.isTextual()) out.add(n.asText());
        return out;
    }
}
