package dev.jcodex.core.thread;

import java.util.List;

/**
 * The sandbox a thread's commands run under. {@code type}: readOnly, workspaceWrite, dangerFullAccess,
 * externalSandbox (the wire's SandboxPolicy tags).
 */
public record SandboxSettings(String type, List<String> writableRoots, boolean networkAccess,
                              boolean excludeTmpdirEnvVar, boolean excludeSlashTmp) {

    public static SandboxSettings fromMode(String mode, List<String> roots, boolean network, boolean exclTmpdir,
                                           boolean exclSlashTmp) {
        return switch (mode == null ? "read-only" : mode) {
            case "workspace-write" -> new SandboxSettings("workspaceWrite", roots, network, exclTmpdir, exclSlashTmp);
            case "danger-full-access" -> new SandboxSettings("dangerFullAccess", List.of(), true, false, false);
            default -> new SandboxSettings("readOnly", List.of(), false, false, false);
        };
    }
}
