package dev.jcodex.core.tools.permissions;

import java.util.concurrent.CompletableFuture;

/**
 * Where request_permissions questions go (the app-server asks its clients). The future completes with the
 * grant, or null when nobody could answer; the engine cancels it when it stops waiting.
 */
@FunctionalInterface
public interface PermissionGate {
    CompletableFuture<PermissionGrant> request(PermissionRequest request);

    PermissionGate NOBODY = r -> CompletableFuture.completedFuture(null);
}
