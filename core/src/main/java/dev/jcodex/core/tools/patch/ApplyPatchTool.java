package dev.jcodex.core.tools.patch;

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
import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import dev.jcodex.sandbox.SandboxedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code apply_patch}, advertised as a freeform tool with a grammar (or as a JSON function {@code {input}}),
 * accepting either call shape. The patch is verified against the files first, so the {@code fileChange}
 * item carries each file's diff before anyone is asked; files are written only after approval, and the
 * daemon's own writes obey the sandbox unless the user approved them explicitly.
 */
public final class ApplyPatchTool implements ToolHandler {
    private static final String GRAMMAR = """
            start: begin_patch hunk+ end_patch
            begin_patch: "*** Begin Patch" LF
            end_patch: "*** End Patch" LF?
            hunk: add_hunk | delete_hunk | update_hunk
            add_hunk: "*** Add File: " filename LF add_line+
            delete_hunk: "*** Delete File: " filename LF
            update_hunk: "*** Update File: " filename LF change_move? change?
            filename: /(.+)/
            add_line: "+" /(.*)/ LF -> line
            change_move: "*** Move to: " filename LF
            change: (change_context | change_line)+ eof_line?
            change_context: ("@@" | "@@ " /(.+)/) LF
            change_line: ("+" | "-" | " ") /(.*)/ LF
            eof_line: "*** End of File" LF
            %import common.LF
            """;

    private final ThreadToolState state;
    private final ApprovalGate gate;
    private final boolean freeform;

    public ApplyPatchTool(ThreadToolState state, ApprovalGate gate, boolean freeform) {
        this.state = state;
        this.gate = gate;
        this.freeform = freeform;
    }

    @Override public String name() { return "apply_patch"; }

    @Override
    public ObjectNode spec() {
        String description = "Edits files with a patch: '*** Begin Patch', then per file '*** Add File: path' (lines "
                + "prefixed '+'), '*** Delete File: path', or '*** Update File: path' (optionally '*** Move to: path') "
                + "with '@@ anchor' hunks of ' ' context, '-' removed and '+' added lines, then '*** End Patch'. "
                + "Paths are relative to the working directory.";
        ObjectNode spec = Json.object().put("name", name()).put("description", description);
        if (freeform) {
            spec.put("type", "custom");
            spec.putObject("format").put("type", "grammar").put("syntax", "lark").put("definition", GRAMMAR);
        } else {
            spec.put("type", "function").put("strict", false);
            ObjectNode params = spec.putObject("parameters").put("type", "object");
            params.putObject("properties").putObject("input").put("type", "string")
                    .put("description", "The entire patch text.");
            params.putArray("required").add("input");
            params.put("additionalProperties", false);
        }
        return spec;
    }

    @Override
    public ToolOutput handle(ToolCall call, TurnContext ctx) throws InterruptedException {
        long t0 = System.nanoTime();
        String text = call.input();
        if (!call.freeform()) {
            try {
                JsonNode a = Json.MAPPER.readTree(text);
                if (!a.path("input").isTextual()) return new ToolOutput("failed to parse function arguments: missing field `input`", false);
                text = a.get("input").asText();
            } catch (IOException e) {
                return new ToolOutput("failed to parse function arguments: " + e.getMessage(), false);
            }
        }
        Path cwd = Path.of(ctx.settings().cwd());
        List<PlannedChange> plan;
        try {
            plan = PatchEngine.plan(text, cwd);
        } catch (PatchException e) {
            return wrap(1, t0, "apply_patch verification failed: " + e.getMessage() + "\n", false);
        }
        Set<Path> paths = new LinkedHashSet<>();
        for (PlannedChange c : plan) paths.addAll(c.writtenPaths());
        SandboxPolicy sandbox = SandboxPolicies.of(ctx.settings().sandbox());
        boolean allWritable = paths.stream().allMatch(p -> Sandbox.system().canWrite(sandbox, cwd, p));
        String policy = ctx.settings().approvalPolicy() == null ? "on-request" : ctx.settings().approvalPolicy();

        long started = System.currentTimeMillis();
        List<Item.FileChangeInfo> changes = new ArrayList<>();
        for (PlannedChange c : plan) {
            changes.add(new Item.FileChangeInfo(c.path().toString(), c.kind(),
                    c.movePath() == null ? null : c.movePath().toString(), c.diff()));
        }
        Item.FileChange item = new Item.FileChange(call.callId(), changes, ItemStatus.IN_PROGRESS, started, null);
        ctx.itemStarted(item);

        boolean ask = switch (policy) {
            case "untrusted" -> true;
            case "never" -> false;
            default -> !allWritable;
        };
        if (ask && state.approvals().pathsApproved(paths)) ask = false;
        if (!ask && !allWritable && "never".equals(policy)) {
            finish(ctx, item, ItemStatus.FAILED);
            return wrap(1, t0, "patch rejected: it writes outside the sandbox's writable roots and the approval "
                    + "policy is never\n", false);
        }
        boolean userApproved = false;
        if (ask) {
            ApprovalDecision d = Approvals.await(gate, new ApprovalRequest.FileChange(ctx.threadId(), ctx.turnId(),
                    item.id(), started, null, null), ctx.cancellation(),
                    s -> ctx.emit(new Event.ThreadStatusChanged(ctx.threadId(), s)));
            if (d == ApprovalDecision.ACCEPT_FOR_SESSION) state.approvals().approvePaths(paths);
            if (!d.approved()) {
                finish(ctx, item, ItemStatus.DECLINED);
                if (d == ApprovalDecision.CANCEL) {
                    ctx.cancellation().cancel();
                    throw new InterruptedException("the user cancelled the turn at the approval prompt");
                }
                return wrap(1, t0, "patch rejected by user\n", false);
            }
            userApproved = true;
        }
        // Approved: written as asked. Otherwise confined by construction (descriptor-relative, no symlink
        // followed after the check), not by the canWrite answer above, which only decides whether to ask.
        SandboxedFiles files = userApproved ? SandboxedFiles.unconfined() : Sandbox.system().files(sandbox, cwd);
        TurnDiffTracker diff = state.diff(ctx.turnId());
        for (Path p : paths) diff.touch(p);
        PatchEngine.Outcome outcome = PatchEngine.apply(plan, files);
        finish(ctx, item, outcome.success() ? ItemStatus.COMPLETED : ItemStatus.FAILED);
        ctx.emit(new Event.TurnDiffUpdated(ctx.threadId(), ctx.turnId(), diff.diff(cwd)));
        return wrap(outcome.success() ? 0 : 1, t0, outcome.report(), outcome.success());
    }

    /** Re-sends the turn's diff at the end of each model round once a patch touched files, as Codex does. */
    @Override
    public void roundEnded(TurnContext ctx) {
        TurnDiffTracker t = state.existingDiff(ctx.turnId());
        if (t != null && t.hasChanges()) {
            ctx.emit(new Event.TurnDiffUpdated(ctx.threadId(), ctx.turnId(), t.diff(Path.of(ctx.settings().cwd()))));
        }
    }

    private static void finish(TurnContext ctx, Item.FileChange item, ItemStatus status) {
        ctx.itemCompleted(new Item.FileChange(item.id(), item.changes(), status, item.startedAtMs(),
                System.currentTimeMillis()));
    }

    private static ToolOutput wrap(int exitCode, long t0, String body, boolean success) {
        String text = "Exit code: " + exitCode + "\nWall time: "
                + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9) + " seconds\nOutput:\n" + body;
        return new ToolOutput(text, success);
    }
}
