package dev.jcodex.core.tools.exec;

import dev.jcodex.core.event.Event;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.item.ItemStatus;
import dev.jcodex.core.thread.InitialContext;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.thread.TurnRunner;
import dev.jcodex.core.tools.ThreadToolState;
import dev.jcodex.core.util.Ids;
import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * thread/shellCommand: a command line the user typed, run in the thread's cwd with the user's shell as a
 * {@code commandExecution} item of source {@code userShell}. No approval and no sandbox: the user asked
 * for it directly, as in their own terminal. The output streams as it comes and the result joins the
 * thread's history, so the model sees it on the next turn. Interrupting the turn kills the whole tree.
 */
public final class UserShellCommand implements TurnRunner.TurnBody {
    private final ThreadToolState state;
    private final String command;
    private final TurnRunner.Attachment attachment;

    /** A command that is a turn of its own; its result goes straight into the thread's history. */
    public UserShellCommand(ThreadToolState state, String command) { this(state, command, null); }

    /**
     * A command run alongside a running turn ({@code attachment}): its item belongs to that turn and its
     * result reaches the model before the turn's next request, as steered input does.
     */
    public UserShellCommand(ThreadToolState state, String command, TurnRunner.Attachment attachment) {
        this.state = state;
        this.command = command;
        this.attachment = attachment;
    }

    /** Runs the attached command to its end (on the caller's thread); always reports to the turn. */
    public void runAttached() {
        try {
            run(attachment.context());
        } catch (InterruptedException e) {
            // the turn was interrupted: the command is dead and its item closed
        } catch (RuntimeException e) {
            e.printStackTrace(System.err);
        } finally {
            attachment.finish(null); // no-op when remember() already reported
        }
    }

    @Override
    public void run(TurnContext ctx) throws InterruptedException {
        Path cwd = Path.of(ctx.settings().cwd());
        List<String> argv = List.of(ExecCommandTool.defaultShell(), "-lc", command);
        long started = System.currentTimeMillis();
        Item.CommandExecution item = new Item.CommandExecution(Ids.uuidV7(), ShellWords.join(argv), cwd.toString(),
                null, "userShell", ItemStatus.IN_PROGRESS, CommandActions.parse(command), null, null, null, started, null);
        ctx.itemStarted(item);
        ProcessBuilder pb = new ProcessBuilder(ProcessTree.inOwnGroup(argv)).directory(cwd.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PAGER", "cat");
        pb.environment().put("GIT_PAGER", "cat");
        Process p;
        try {
            if (!Files.isDirectory(cwd)) throw new IOException("working directory does not exist: " + cwd);
            p = Sandbox.system().start(pb, SandboxPolicy.dangerFullAccess(), cwd);
        } catch (IOException | RuntimeException e) {
            String msg = "could not start the command: " + e.getMessage();
            complete(ctx, item, null, ItemStatus.FAILED, msg, null, System.currentTimeMillis() - started);
            remember(ctx, msg, null, 0);
            return;
        }
        ExecSession s = state.sessions().add(p);
        s.onOutput(delta -> ctx.emit(new Event.CommandOutputDelta(ctx.threadId(), ctx.turnId(), item.id(), delta)));
        Integer exit;
        try (AutoCloseable ignored = ctx.cancellation().onCancel(s::kill)) {
            exit = s.await(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            s.kill();
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            s.onOutput(null);
            state.sessions().remove(s);
        }
        if (ctx.cancellation().isCancelled()) {
            Integer code = s.awaitExit(1000);
            complete(ctx, item, String.valueOf(s.pid()), ItemStatus.FAILED, s.aggregated(), code, s.durationMs());
            remember(ctx, s.aggregated() + "\n(the user interrupted the command)", code, s.wallSeconds());
            throw new InterruptedException("interrupted while running " + command);
        }
        complete(ctx, item, String.valueOf(s.pid()), exit != null && exit == 0 ? ItemStatus.COMPLETED : ItemStatus.FAILED,
                s.aggregated(), exit, s.durationMs());
        remember(ctx, s.aggregated(), exit, s.wallSeconds());
    }

    private static void complete(TurnContext ctx, Item.CommandExecution item, String processId, ItemStatus status,
                                 String output, Integer exit, long durationMs) {
        ctx.completeIfOpen(new Item.CommandExecution(item.id(), item.command(), item.cwd(), processId, item.source(),
                status, item.actions(), output, exit, durationMs, item.startedAtMs(), System.currentTimeMillis()));
    }

    /** Puts the command and its result into the thread's history (the model reads it on the next turn). */
    private void remember(TurnContext ctx, String output, Integer exit, double wallSeconds) {
        String text = "<user_shell_command>\n<command>\n" + command + "\n</command>\n<result>\n"
                + "Exit code: " + (exit == null ? "none (did not finish)" : exit) + "\n"
                + "Duration: " + String.format(Locale.ROOT, "%.4f", wallSeconds) + " seconds\n"
                + "Output:\n" + ExecOutput.truncate(output, ExecOutput.DEFAULT_MAX_TOKENS)
                + "\n</result>\n</user_shell_command>";
        com.fasterxml.jackson.databind.node.ObjectNode msg = InitialContext.message("user", text);
        if (attachment != null && attachment.finish(msg)) return;
        ctx.thread().appendHistoryWithContext(ctx.thread().settings(), List.of(msg));
    }
}
