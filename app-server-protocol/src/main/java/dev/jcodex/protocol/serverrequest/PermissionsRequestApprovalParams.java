package dev.jcodex.protocol.serverrequest;

import java.util.List;

/**
 * {@code item/permissions/requestApproval}: the model's request_permissions call ({@code itemId}: its call id)
 * asks for access beyond the sandbox. {@code fileSystem.entries} repeats read/write as path entries.
 */
public record PermissionsRequestApprovalParams(String threadId, String turnId, String itemId, String environmentId,
                                               long startedAtMs, String cwd, String reason, Profile permissions) {
    public record Profile(Network network, FileSystem fileSystem) {}

    public record Network(Boolean enabled) {}

    public record FileSystem(List<String> read, List<String> write, List<Entry> entries) {}

    public record Entry(Path path, String access) {}

    /** {@code type} "path". */
    public record Path(String type, String path) {}
}
