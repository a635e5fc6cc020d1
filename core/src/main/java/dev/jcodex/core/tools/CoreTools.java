package dev.jcodex.core.tools;

import dev.jcodex.core.approval.ApprovalGate;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.tools.exec.ExecCommandTool;
import dev.jcodex.core.tools.exec.WriteStdinTool;
import dev.jcodex.core.tools.patch.ApplyPatchTool;
import dev.jcodex.core.tools.permissions.PermissionGate;
import dev.jcodex.core.tools.permissions.RequestPermissionsTool;
import dev.jcodex.core.tools.userinput.RequestUserInputTool;
import dev.jcodex.core.tools.userinput.UserInputGate;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The built-in model-facing tools (exec_command, write_stdin, request_user_input, apply_patch, update_plan,
 * view_image) and the
 * state they keep per thread. Install with {@code threadManager.setToolsFactory(coreTools::registryFor)}.
 * {@code apply_patch_tool_type = "function"} in config offers apply_patch as a JSON function instead of
 * the freeform grammar tool.
 */
public final class CoreTools {
    private final ApprovalGate gate;
    private final UserInputGate userInput;
    private final PermissionGate permissions;
    private final Map<AgentThread, ThreadToolState> states = new WeakHashMap<>();

    public CoreTools(ApprovalGate gate) { this(gate, UserInputGate.NOBODY, PermissionGate.NOBODY); }

    public CoreTools(ApprovalGate gate, UserInputGate userInput, PermissionGate permissions) {
        this.gate = gate;
        this.userInput = userInput;
        this.permissions = permissions;
    }

    public synchronized ThreadToolState state(AgentThread t) {
        return states.computeIfAbsent(t, k -> new ThreadToolState());
    }

    public ToolRegistry registryFor(AgentThread t) {
        ThreadToolState s = state(t);
        boolean freeform = !"function".equals(t.config().string("apply_patch_tool_type", "freeform"));
        ToolRegistry r = new ToolRegistry()
                .register(new ExecCommandTool(s, gate))
                .register(new WriteStdinTool(s))
                .register(new RequestUserInputTool(userInput));
        // under development in Codex 0.171 and off by default there too
        if (t.config().bool("features.request_permissions_tool", false)) {
            r.register(new RequestPermissionsTool(permissions, s.grants()));
        }
        r.register(new ApplyPatchTool(s, gate, freeform))
                .register(new UpdatePlanTool())
                .register(new ViewImageTool());
        var provider = t.config().providers().get(t.settings().modelProvider());
        if (ToolSearchTool.offeredTo(provider)) r.register(new ToolSearchTool(r)).deferNamespacedTools();
        WebSearchTool web = WebSearchTool.forProvider(t.config(), provider);
        return web == null ? r : r.register(web);
    }

    /** Forgets an unloaded thread's tool state and kills the commands it left running (exec sessions). */
    public void release(AgentThread t) {
        ThreadToolState s;
        synchronized (this) { s = states.remove(t); }
        if (s != null) s.sessions().killAll();
    }

    /** Kills every command still running in any thread (daemon shutdown). */
    public void shutdown() {
        List<ThreadToolState> all;
        synchronized (this) { all = List.copyOf(states.values()); }
        for (ThreadToolState s : all) s.sessions().killAll();
    }
}
