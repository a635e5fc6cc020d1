package dev.jcodex.core.tools.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.approval.ApprovalDecision;
import dev.jcodex.core.approval.ApprovalGate;
import dev.jcodex.core.approval.ApprovalRequest;
import dev.jcodex.core.approval.Approvals;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.item.ItemStatus;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.tools.SandboxPolicies;
import dev.jcodex.core.tools.ThreadToolState;
import dev.jcodex.core.tools.ToolCall;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolOutput;
import dev.jcodex.core.util.Json;
import dev.jcodex.sandbox.PtyProcess;
import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code exec_command}: runs a shell command line (through the sandbox, after approval where the policy
 * wants it) as a {@code commandExecution} item with streamed output. A command still running after
 * {@code yield_time_ms} becomes a session the model continues with {@code write_stdin}.
 */
public final class ExecCommandTool implements ToolHandler {
    static final long MIN_YIELD_MS = 250;
    static final long MAX_YIELD_MS = 30_000;
    private static final Pattern SANDBOX_DENIAL = Pattern.compile(
            "Permission denied|Read-only file system|Operation not permitted|EACCES|EPERM");

    private final ThreadToolState state;
    private final ApprovalGate gate;

    public ExecCommandTool(ThreadToolState state, ApprovalGate gate) {
        this.state = state;
        this.gate = gate;
    }

    @Override public String name() { return "exec_command"; }

    @Override
    public ObjectNode spec() {
        ObjectNode props = Json.object();
        prop(props, "cmd", "string", "The shell command line to run.");
        prop(props, "workdir", "string", "Working directory; defaults to the turn's cwd.");
        prop(props, "shell", "string", "Shell binary to run the command with; defaults to the user's shell.");
        prop(props, "login", "boolean", "Run the shell as a login shell (-l); defaults to true.");
        prop(props, "tty", "boolean", "Request a terminal for interactive programs.");
        prop(props, "yield_time_ms", "number", "How long to wait for output before returning; a command still "
                + "running then keeps going as a session for write_stdin.");
        prop(props, "max_output_tokens", "number", "Token budget for the returned output (middle-truncated).");
        prop(props, "sandbox_permissions", "string", "\"use_default\" or \"require_escalated\" to ask the user to "
                + "run this command outside the sandbox.");
        // the two values, as an enum as Codex 0.171 declares them
        ((ObjectNode) props.get("sandbox_permissions")).putArray("enum").add("use_default").add("require_escalated");
        prop(props, "justification", "string", "With require_escalated: one sentence telling the user why.");
        return function(name(), "Runs a command in a shell and returns its output, exit code and wall time, or a "
                + "session id when it is still running.", props, List.of("cmd"));
    }

    static void prop(ObjectNode props, String name, String type, String description) {
        props.putObject(name).put("type", type).put("description", description);
    }

    static ObjectNode function(String name, String description, ObjectNode props, List<String> required) {
        ObjectNode spec = Json.object().put("type", "function").put("name", name).put("description", description)
                .put("strict", false);
        ObjectNode params = spec.putObject("parameters").put("type", "object");
        params.set("properties", props);
        params.putArray("required").addAll(required.stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
        params.put("additionalProperties", false);
        return spec;
    }

    private record Args(String cmd, String workdir, String shell, boolean login, boolean tty, long yieldMs,
                        int maxTokens, boolean escalate, String justification) {}

    private static Args parse(String json) throws IllegalArgumentException {
        JsonNode a;
        try {
            a = Json.MAPPER.readTree(json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            throw new IllegalArgumentException("failed to parse function arguments: " + e.getMessage(), e);
        }
        if (!a.path("cmd").isTextual() || a.path("cmd").asText().isBlank()) {
            throw new IllegalArgumentException("failed to parse function arguments: missing field `cmd`");
        }
        long yield = a.path("yield_time_ms").asLong(10_000);
        return new Args(a.path("cmd").asText(), a.path("workdir").asText(null), a.path("shell").asText(null),
                a.path("login").asBoolean(true), a.path("tty").asBoolean(false), Math.clamp(yield, MIN_YIELD_MS, MAX_YIELD_MS),
                a.path("max_output_tokens").asInt(ExecOutput.DEFAULT_MAX_TOKENS),
                "require_escalated".equals(a.path("sandbox_permissions").asText(null)),
                a.path("justification").asText(null));
    }

    static String defaultShell() {
        String sh = System.getenv("SHELL");
        if (sh != null && sh.endsWith("bash") && Files.isExecutable(Path.of(sh))) return sh;
        return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) throws InterruptedException {
        Args args;
        try {
            args = parse(call.input());
        } catch (IllegalArgumentException e) {
            return new ToolOutput(e.getMessage(), false);
        }
        Path workspace = Path.of(ctx.settings().cwd());
        Path cwd = args.workdir() == null ? workspace : workspace.resolve(args.workdir()).normalize();
        String shell = args.shell() == null ? defaultShell()
                : args.shell().contains("/") ? args.shell() : "/bin/" + args.shell();
        List<String> argv = List.of(shell, args.login() ? "-lc" : "-c", args.cmd());
        String display = ShellWords.join(argv);
        List<Item.CommandActionInfo> actions = CommandActions.parse(args.cmd());
        String policy = ctx.settings().approvalPolicy();
        // widened by what request_permissions granted for this turn or the session
        SandboxPolicy sandbox = SandboxPolicies.of(state.grants().widen(ctx.settings().sandbox(), ctx.turnId()));

        long started = System.currentTimeMillis();
        Item.CommandExecution item = new Item.CommandExecution(call.callId(), display, cwd.toString(), null, "agent",
                ItemStatus.IN_PROGRESS, actions, null, null, null, started, null);

        boolean escalated = args.escalate() && sandbox.confined() && !"never".equals(policy);
        boolean ask = switch (policy == null ? "on-request" : policy) {
            case "untrusted" -> escalated || !SafeCommands.isKnownSafe(args.cmd());
            case "never" -> false;
            default -> escalated; // on-request, on-failure: only an explicit escalation asks up front
        };
        if (ask && state.approvals().commandApproved(argv)) ask = false;
        ctx.itemStarted(item);
        if (ask) {
            String reason = args.escalate() ? args.justification() : null;
            ApprovalDecision d = ask(ctx, item, argv, reason);
            if (!d.approved()) return declined(ctx, item, d);
        }
        SandboxPolicy effective = escalated ? SandboxPolicy.dangerFullAccess() : sandbox;
        Result r = run(ctx, item, argv, cwd, workspace, effective, args);
        if (r.exitCode() != null && r.exitCode() != 0 && "on-failure".equals(policy) && effective.confined()
                && SANDBOX_DENIAL.matcher(r.aggregated()).find()) {
            // on-failure: the sandbox probably blocked it; offer to run it again without the sandbox.
            ApprovalDecision d = state.approvals().commandApproved(argv) ? ApprovalDecision.ACCEPT
                    : ask(ctx, item, argv, "command failed in the sandbox; retry without it?");
            if (d.approved()) r = run(ctx, item, argv, cwd, workspace, SandboxPolicy.dangerFullAccess(), args);
            else if (d == ApprovalDecision.CANCEL) return declined(ctx, item, d);
        }
        ItemStatus status = r.exitCode() == null ? (r.processId() == null ? ItemStatus.FAILED : ItemStatus.COMPLETED)
                : r.exitCode() == 0 ? ItemStatus.COMPLETED : ItemStatus.FAILED;
        complete(ctx, item, r.processId(), status, r.aggregated(), r.exitCode(), r.durationMs());
        return r.toolOutput();
    }

    private ApprovalDecision ask(TurnContext ctx, Item.CommandExecution item, List<String> argv, String reason)
            throws InterruptedException {
        ApprovalRequest.Command req = new ApprovalRequest.Command(ctx.threadId(), ctx.turnId(), item.id(),
                item.startedAtMs(), item.command(), item.cwd(), item.actions(), reason, argv);
        ApprovalDecision d = Approvals.await(gate, req, ctx.cancellation(),
                s -> ctx.emit(new Event.ThreadStatusChanged(ctx.threadId(), s)));
        if (d == ApprovalDecision.ACCEPT_FOR_SESSION) state.approvals().approveCommand(argv);
        return d;
    }

    private static ToolOutput declined(TurnContext ctx, Item.CommandExecution item, ApprovalDecision d)
            throws InterruptedException {
        long now = System.currentTimeMillis();
        ctx.itemCompleted(new Item.CommandExecution(item.id(), item.command(), item.cwd(), null, item.source(),
                ItemStatus.DECLINED, item.actions(), null, null, null, item.startedAtMs(), now));
        if (d == ApprovalDecision.CANCEL) {
            ctx.cancellation().cancel();
            throw new InterruptedException("the user cancelled the turn at the approval prompt");
        }
        return new ToolOutput("exec_command failed: the command was rejected by user; it did not run.", false);
    }

    /** One run; {@code processId} is null when it could not start. The caller completes the item. */
    private record Result(Integer exitCode, String aggregated, String processId, long durationMs, ToolOutput toolOutput) {}

    private Result run(TurnContext ctx, Item.CommandExecution item, List<String> argv, Path cwd, Path workspace,
                       SandboxPolicy policy, Args args) throws InterruptedException {
        // On a terminal the command leads its own session already (setsid(1) would fork it off the terminal).
        ProcessBuilder pb = new ProcessBuilder(args.tty() ? argv : ProcessTree.inOwnGroup(argv)).directory(cwd.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PAGER", "cat");
        pb.environment().put("GIT_PAGER", "cat");
        pb.environment().put("NO_COLOR", "1");
        // The output goes to a model: a dumb terminal keeps cursor and colour escapes out of it, as Codex does.
        if (args.tty()) pb.environment().put("TERM", "dumb");
        Process p;
        try {
            if (!Files.isDirectory(cwd)) throw new IOException("working directory does not exist: " + cwd);
            p = args.tty() ? Sandbox.system().startPty(pb, PtyProcess.Size.DEFAULT, policy, workspace)
                    : Sandbox.system().start(pb, policy, workspace);
        } catch (IOException | RuntimeException e) {
            String msg = "exec_command failed: " + e.getMessage();
            return new Result(null, msg, null, 0, new ToolOutput(msg, false));
        }
        ExecSession s = state.sessions().add(p);
        s.onOutput(delta -> ctx.emit(new Event.CommandOutputDelta(ctx.threadId(), ctx.turnId(), item.id(), delta)));
        Integer exit;
        try (AutoCloseable ignored = ctx.cancellation().onCancel(s::kill)) {
            exit = s.await(args.yieldMs());
        } catch (InterruptedException e) {
            s.kill();
            state.sessions().remove(s);
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        s.onOutput(null);
        if (ctx.cancellation().isCancelled()) {
            // Interrupted: the whole tree is already dead (the cancel hook killed it); close the item now.
            state.sessions().remove(s);
            Integer code = s.awaitExit(1000);
            complete(ctx, item, String.valueOf(s.pid()), ItemStatus.FAILED, s.aggregated(), code, s.durationMs());
            throw new InterruptedException("interrupted while running " + item.command());
        }
        String fresh = s.takeUnread();
        if (exit != null) state.sessions().remove(s);
        String text = ExecOutput.format(fresh, s.wallSeconds(), exit, s.id(), args.maxTokens());
        return new Result(exit, s.aggregated(), String.valueOf(exit == null ? s.id() : s.pid()), s.durationMs(),
                new ToolOutput(text, exit != null && exit == 0));
    }

    private static void complete(TurnContext ctx, Item.CommandExecution item, String processId, ItemStatus status,
                                 String output, Integer exit, long durationMs) {
        ctx.itemCompleted(new Item.CommandExecution(item.id(), item.command(), item.cwd(), processId, item.source(),
                status, item.actions(), output, exit, durationMs, item.startedAtMs(), System.currentTimeMillis()));
    }
}
