package dev.jcodex.core.tools.permissions;

import java.util.List;

/** What the user granted (a subset of the request), for the rest of the turn or, {@code session}, the thread. */
public record PermissionGrant(List<String> read, List<String> write, boolean network, boolean session) {
    public static final PermissionGrant NONE = new PermissionGrant(List.of(), List.of(), false, false);

    public boolean isEmpty() { return read.isEmpty() && write.isEmpty() && !network; }
}
