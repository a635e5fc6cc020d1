package dev.jcodex.core.tools.permissions;

import java.util.List;

/**
 * The model's request_permissions call: paths to read or write outside the sandbox and/or network access, for
 * the commands it runs later. {@code network} null: not asked for.
 */
public record PermissionRequest(String threadId, String turnId, String callId, long startedAtMs, String cwd,
                                String reason, List<String> read, List<String> write, Boolean network) {}
