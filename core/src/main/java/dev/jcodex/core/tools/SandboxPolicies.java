package dev.jcodex.core.tools;

import dev.jcodex.core.thread.SandboxSettings;
import dev.jcodex.sandbox.SandboxPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A thread's sandbox settings as the sandbox module's policy. */
public final class SandboxPolicies {
    private SandboxPolicies() {}

    public static SandboxPolicy of(SandboxSettings s) {
        return switch (s.type()) {
            case "workspaceWrite" -> {
                List<Path> roots = new ArrayList<>();
                for (String r : s.writableRoots()) roots.add(Path.of(r));
                yield SandboxPolicy.workspaceWrite(roots, s.networkAccess(), s.excludeTmpdirEnvVar(), s.excludeSlashTmp());
            }
            case "dangerFullAccess" -> SandboxPolicy.dangerFullAccess();
            case "externalSandbox" -> SandboxPolicy.externalSandbox(s.networkAccess());
            default -> SandboxPolicy.readOnly(s.networkAccess());
        };
    }
}
