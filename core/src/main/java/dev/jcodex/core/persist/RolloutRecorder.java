package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.EventSink;
import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.event.TurnFailure;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.model.TokenUsage;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.thread.ThreadMetadata;
import dev.jcodex.core.thread.ThreadSettings;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes every non-ephemeral thread's rollout by listening to the engine's event stream: it sits in front
 * of the event router, so a line is on disk before the client hears of what it records. New model history
 * (user input, model output, tool results) is written as {@code response_item} lines whenever an event shows
 * the turn has moved on; completed items, token counts and turn ends as {@code event_msg} lines. The rollout
 * file is created with the thread's first turn, as Codex does.
 */
public final class RolloutRecorder implements EventSink {
    /** The Codex version jcodex follows, as its rollouts name it (README, Compatibility: what 0.171 adds that we do not write). */
    public static final String CLI_VERSION = "0.171.0";

    private final EventSink next;
    private final ThreadStore store;
    private final PromptHistory prompts;
    private volatile ThreadManager threads;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** The turn each thread is recording, and a write that failed during it (threadId → …). */
    private final Map<String, String> currentTurn = new ConcurrentHashMap<>();
    private final Map<String, WriteFailure> failures = new ConcurrentHashMap<>();

    private record WriteFailure(String turnId, TurnFailure failure) {}

    private static final class Session {
        final RolloutWriter writer;
        int historyWritten;

        Session(RolloutWriter writer, int historyWritten) {
            this.writer = writer;
            this.historyWritten = historyWritten;
        }
    }

    public RolloutRecorder(EventSink next, ThreadStore store, Path codexHome) {
        this.next = next;
        this.store = store;
        this.prompts = new PromptHistory(codexHome);
    }

    /** Starts recording the threads of {@code tm}: each new one gets its rollout path. */
    public void attach(ThreadManager tm) {
        this.threads = tm;
        tm.onThreadCreated(t -> {
            ThreadMetadata m = t.metadata();
            if (!m.ephemeral() && m.path() == null) m.setPath(store.newRolloutPath(m.id(), m.createdAt() * 1000).toString());
        });
        tm.onHistoryAppended(this::historyAppended);
        tm.onHistoryReplaced(this::historyReplaced);
        tm.onHistoryReverted(this::historyReverted);
    }

    /**
     * A revert: the history written so far is flushed, the thread's turns and history are cut, and a
     * {@code thread_rolled_back} line records it (resume and the history index read it back), all under the
     * session lock. The line names the first dropped turn (jcodex reads that) and how many turns went
     * ({@code num_turns}, what Codex reads). A thread that has not run a turn in this process has no open
     * writer: the line is appended to its rollout directly. A thread with no rollout yet has nothing to record.
     */
    private void historyReverted(AgentThread t, String beforeTurnId, java.util.function.IntSupplier cut) {
        Session s = sessions.get(t.id());
        if (s != null) {
            synchronized (s) {
                flushHistory(t, s);
                int n = cut.getAsInt();
                s.historyWritten = t.historySize();
                s.writer.write("event_msg", rolledBack(beforeTurnId, n));
            }
            index(t, s);
            return;
        }
        int n = cut.getAsInt();
        String path = t.metadata().path();
        if (t.metadata().ephemeral() || path == null || !Files.exists(Path.of(path))) return;
        appendTo(Path.of(path), rolledBack(beforeTurnId, n));
    }

    private static ObjectNode rolledBack(String beforeTurnId, int n) {
        return Json.object().put("type", "thread_rolled_back").put("num_turns", n).put("before_turn_id", beforeTurnId);
    }

    private void appendTo(Path file, ObjectNode eventPayload) {
        try (RolloutWriter w = new RolloutWriter(file)) {
            w.write("event_msg", eventPayload);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing rollout " + file, e);
        }
        try {
            store.refresh(file, file.startsWith(store.archivedDir()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading rollout " + file, e);
        }
    }

    /**
     * Records new git info for a thread (thread/metadata/update): through its open writer when it has one,
     * else appended to its rollout. False when the thread has no rollout yet (the info then lives in memory
     * until the first turn writes session_meta, which carries it).
     */
    public boolean recordGitInfo(String threadId, String sha, String branch, String originUrl) {
        ObjectNode p = Json.object().put("type", "thread_git_info_updated").put("thread_id", threadId)
                .put("sha", sha).put("branch", branch).put("origin_url", originUrl);
        Session s = sessions.get(threadId);
        if (s != null) {
            synchronized (s) {
                s.writer.write("event_msg", p);
            }
            AgentThread t = threads.get(threadId);
            if (t != null) index(t, s);
            return true;
        }
        ThreadSummary saved = store.find(threadId);
        if (saved == null) return false;
        appendTo(Path.of(saved.path()), p);
        return true;
    }

    /**
     * A compaction: the history written so far is flushed, swapped for the replacement and a {@code compacted}
     * line records the replacement (resume rebuilds the model history from it), all under the session lock so
     * no flush in between writes the old history past the swap.
     */
    private void historyReplaced(AgentThread t, java.util.List<ObjectNode> replacement, String summary, Runnable swap) {
        Session s = sessions.get(t.id());
        if (s == null) {
            swap.run();
            return;
        }
        synchronized (s) {
            try {
                flushHistory(t, s);
            } catch (RuntimeException ex) {
                announce(writeFailed(t.id(), ex));
            }
            swap.run();
            s.historyWritten = t.historySize();
            try {
                ObjectNode p = Json.object().put("message", summary);
                p.set("replacement_history", Json.MAPPER.valueToTree(replacement));
                s.writer.write("compacted", p);
            } catch (RuntimeException ex) {
                announce(writeFailed(t.id(), ex));
            }
        }
    }

    /**
     * Records the event, then passes it on. A failed write (a full disk) must not stop the turn, but the client
     * must hear of it: the first failure in a turn is announced as an {@code error} event right away, and a
     * turn that would end {@code completed} ends {@code failed} with that error instead (what the rollout
     * reads back, if its last lines could still be written, says the same; if not, the turn reads back as
     * cut off).
     */
    @Override
    public void emit(Event e) {
        if (e instanceof Event.TurnStarted ts) {
            currentTurn.put(ts.threadId(), ts.turn().id());
            failures.remove(ts.threadId());
        }
        Event.Error failedNow = null;
        try {
            record(e);
        } catch (RuntimeException ex) {
            failedNow = writeFailed(e.threadId(), ex);
        }
        if (e instanceof Event.TurnCompleted c) {
            currentTurn.remove(c.threadId(), c.turn().id());
            WriteFailure f = failures.remove(c.threadId());
            announce(failedNow);
            if (f != null && f.turnId().equals(c.turn().id()) && c.turn().status() == TurnStatus.COMPLETED) {
                TurnInfo t = c.turn();
                TurnInfo failed = new TurnInfo(t.id(), TurnStatus.FAILED, f.failure(), t.items(), t.startedAt(),
                        t.completedAt(), t.durationMs());
                AgentThread thread = threads == null ? null : threads.get(c.threadId());
                if (thread != null) thread.amendTurnEnd(failed);
                next.emit(new Event.TurnCompleted(c.threadId(), failed));
                return;
            }
            next.emit(e);
            return;
        }
        next.emit(e);
        announce(failedNow);
    }

    private void announce(Event.Error error) {
        if (error != null) next.emit(error);
    }

    /**
     * Notes a failed write; returns the error event to send when it is the first in the thread's current turn
     * (null outside a turn, where the caller reports the failure itself, or when already announced).
     */
    private Event.Error writeFailed(String threadId, RuntimeException ex) {
        System.err.println("jcodex: rollout write failed for thread " + threadId + ": " + ex);
        String turnId = currentTurn.get(threadId);
        if (turnId == null) return null;
        Throwable cause = ex instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        String where = ex instanceof java.io.UncheckedIOException ? ex.getMessage() : "writing the rollout";
        TurnFailure f = new TurnFailure("Failed to save this conversation (" + where + "): " + reason(cause)
                + "; this turn is not fully recorded", "other", null, null);
        return failures.putIfAbsent(threadId, new WriteFailure(turnId, f)) == null
                ? new Event.Error(threadId, turnId, f, false) : null;
    }

    private static String reason(Throwable t) {
        String m = t.getMessage();
        if (t instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) m = fs.getReason();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private void record(Event e) {
        switch (e) {
            case Event.AgentMessageDelta d -> { return; }
            case Event.ReasoningSummaryDelta d -> { return; }
            case Event.ReasoningContentDelta d -> { return; }
            case Event.ReasoningSummaryPartAdded p -> { return; }
            case Event.ThreadStatusChanged s when s.state().kind() == ThreadState.Kind.NOT_LOADED -> {
                Session gone = sessions.remove(s.threadId());
                if (gone != null) gone.writer.close();
                return;
            }
            default -> { }
        }
        ThreadManager tm = threads;
        AgentThread t = tm == null ? null : tm.get(e.threadId());
        if (t == null || t.metadata().ephemeral() || t.metadata().path() == null) return;
        Session s = sessions.get(t.id());
        if (s == null) {
            if (!(e instanceof Event.TurnStarted)) return;
            s = open(t);
        }
        synchronized (s) {
            // History not written yet (the disk was full) is retried first, in order; if it still fails, the
            // event's own line is written all the same (the turn's end must reach the file when it fits).
            RuntimeException historyFailed = null;
            try {
                flushHistory(t, s);
            } catch (RuntimeException ex) {
                historyFailed = ex;
            }
            switch (e) {
                case Event.TurnStarted ts -> turnStarted(t, s, ts.turn());
                case Event.ItemCompleted c -> itemCompleted(t, s, c);
                case Event.TokenUsageUpdated u -> s.writer.write("event_msg", tokenCount(u));
                case Event.Error err when !err.willRetry() -> s.writer.write("event_msg", Json.object()
                        .put("type", "error").put("turn_id", err.turnId()).put("message", err.failure().message())
                        .put("codex_error_info", err.failure().kind()));
                case Event.TurnCompleted c -> turnCompleted(t, s, c.turn());
                default -> { }
            }
            if (historyFailed != null) throw historyFailed;
        }
    }

    private Session open(AgentThread t) {
        return sessions.computeIfAbsent(t.id(), id -> {
            Path path = Path.of(t.metadata().path());
            try {
                RolloutWriter w = new RolloutWriter(path);
                if (w.size() == 0) {
                    w.write("session_meta", sessionMeta(t));
                    String name = t.metadata().name();
                    if (name != null) w.write("event_msg", Json.object().put("type", "thread_name_updated")
                            .put("thread_id", t.id()).put("thread_name", name));
                }
                return new Session(w, t.historySize());
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException("opening rollout " + path, ex);
            }
        });
    }

    private static ObjectNode sessionMeta(AgentThread t) {
        ThreadMetadata m = t.metadata();
        ThreadSettings st = t.settings();
        ObjectNode o = Json.object().put("id", m.id()).put("session_id", m.id())
                .put("timestamp", Instant.ofEpochSecond(m.createdAt()).toString()).put("cwd", st.cwd())
                .put("originator", m.originator()).put("cli_version", CLI_VERSION).put("source", m.source())
                .put("model_provider", st.modelProvider()).put("model", st.model());
        if (m.forkedFromId() != null) o.put("forked_from_id", m.forkedFromId());
        // Not Codex's history_mode: Codex would then expect its own paginated line format (ordinals).
        o.putObject("jcodex").put("history_mode", m.historyMode());
        if (m.threadSource() != null) o.put("thread_source", m.threadSource());
        String[] git = m.gitInfo();
        if (git != null) o.putObject("git").put("commit_hash", git[0]).put("branch", git[1]).put("repository_url", git[2]);
        return o;
    }

    /** Writes new model history as soon as it exists: a tool's result must survive a crash right after it. */
    private void historyAppended(AgentThread t) {
        Session s = sessions.get(t.id());
        if (s == null) return;
        try {
            synchronized (s) {
                flushHistory(t, s);
            }
        } catch (RuntimeException ex) {
            announce(writeFailed(t.id(), ex));
        }
    }

    /** Appends the model history the thread gained since the last write. */
    private static void flushHistory(AgentThread t, Session s) {
        for (ObjectNode item : t.historySince(s.historyWritten)) {
            s.writer.write("response_item", item);
            s.historyWritten++;
        }
    }

    private void turnStarted(AgentThread t, Session s, TurnInfo turn) {
        ThreadSettings st = t.settings();
        ObjectNode ctx = Json.object().put("turn_id", turn.id()).put("cwd", st.cwd())
                .put("approval_policy", st.approvalPolicy()).put("model", st.model())
                .put("model_provider", st.modelProvider()).put("effort", st.reasoningEffort())
                .put("summary", st.reasoningSummary());
        ctx.putObject("sandbox_policy").put("type", sandboxMode(st.sandbox().type()))
                .put("network_access", st.sandbox().networkAccess())
                .set("writable_roots", Json.MAPPER.valueToTree(st.sandbox().writableRoots()));
        s.writer.write("turn_context", ctx);
        s.writer.write("event_msg", Json.object().put("type", "task_started").put("turn_id", turn.id())
                .put("started_at", turn.startedAt() != null ? turn.startedAt() : System.currentTimeMillis() / 1000));
        index(t, s);
    }

    private void itemCompleted(AgentThread t, Session s, Event.ItemCompleted c) {
        Item item = c.item();
        ObjectNode p = Json.object().put("type", "item_completed").put("thread_id", t.id()).put("turn_id", c.turnId());
        p.set("item", ItemCodec.encode(item));
        p.put("started_at_ms", item.startedAtMs());
        if (item.completedAtMs() != null) p.put("completed_at_ms", item.completedAtMs());
        s.writer.write("event_msg", p);
        if (item instanceof Item.UserMessage u && !"none".equals(t.config().string("history.persistence", "save-all"))) {
            prompts.append(t.id(), RolloutReader.firstText(u.content()));
        }
    }

    private void turnCompleted(AgentThread t, Session s, TurnInfo turn) {
        ObjectNode p = Json.object().put("turn_id", turn.id()).put("completed_at", turn.completedAt())
                .put("duration_ms", turn.durationMs());
        if (turn.status() == TurnStatus.INTERRUPTED) {
            p.put("type", "turn_aborted").put("reason", "interrupted");
        } else {
            WriteFailure f = failures.get(t.id());
            boolean writeFailed = turn.status() == TurnStatus.COMPLETED && f != null && f.turnId().equals(turn.id());
            if (writeFailed) {
                // the turn ends failed for the client (see emit): the reader must see the same, in lines small
                // enough to fit where a large one did not (no last_agent_message)
                s.writer.write("event_msg", Json.object().put("type", "error").put("turn_id", turn.id())
                        .put("message", f.failure().message()).put("codex_error_info", f.failure().kind()));
            }
            p.put("type", "task_complete");
            if (!writeFailed) {
                for (Item i : turn.items()) if (i instanceof Item.AgentMessage m) p.put("last_agent_message", m.text());
            }
        }
        s.writer.write("event_msg", p);
        index(t, s);
    }

    private static ObjectNode tokenCount(Event.TokenUsageUpdated u) {
        ObjectNode info = Json.object();
        info.set("total_token_usage", usage(u.total()));
        info.set("last_token_usage", usage(u.last()));
        if (u.modelContextWindow() != null) info.put("model_context_window", u.modelContextWindow());
        ObjectNode p = Json.object().put("type", "token_count");
        p.set("info", info);
        return p;
    }

    private static ObjectNode usage(TokenUsage u) {
        return Json.object().put("input_tokens", u.inputTokens()).put("cached_input_tokens", u.cachedInputTokens())
                .put("output_tokens", u.outputTokens()).put("reasoning_output_tokens", u.reasoningOutputTokens())
                .put("total_tokens", u.totalTokens());
    }

    public static String sandboxMode(String wireType) {
        return switch (wireType) {
            case "workspaceWrite" -> "workspace-write";
            case "dangerFullAccess" -> "danger-full-access";
            default -> "read-only";
        };
    }

    /** Brings the thread's index row up to date with what was just written. */
    private void index(AgentThread t, Session s) {
        ThreadMetadata m = t.metadata();
        ThreadSettings st = t.settings();
        Path path = s.writer.path();
        long mtime;
        try {
            mtime = Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            mtime = 0;
        }
        store.indexed(new ThreadSummary(m.id(), path.toString(), m.createdAt() * 1000, System.currentTimeMillis(),
                st.cwd(), st.model(), st.modelProvider(), m.preview(), m.name(), false, m.source(), m.originator(),
                CLI_VERSION, m.forkedFromId(), t.totalUsage().totalTokens(), s.writer.size(), mtime, m.historyMode(),
                git(m, 0), git(m, 1), git(m, 2), m.threadSource()));
    }

    private static String git(ThreadMetadata m, int i) {
        String[] g = m.gitInfo();
        return g == null ? null : g[i];
    }

    /**
     * Records a rename in the thread's rollout (through its open writer when loaded, else appended to the file)
     * and its index row. False when the thread has no rollout yet (a name given before the first turn lives
     * in memory until that turn creates the file).
     */
    public boolean recordName(String threadId, String name) {
        ObjectNode p = Json.object().put("type", "thread_name_updated").put("thread_id", threadId);
        p.put("thread_name", name);
        Session s = sessions.get(threadId);
        if (s != null) {
            synchronized (s) {
                s.writer.write("event_msg", p);
            }
            AgentThread t = threads.get(threadId); // indexed outside the session lock: index() takes the thread's
            if (t != null) index(t, s);
            return true;
        }
        ThreadSummary saved = store.find(threadId);
        if (saved == null) return false;
        Path file = Path.of(saved.path());
        try (RolloutWriter w = new RolloutWriter(file)) {
            w.write("event_msg", p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing rollout " + file, e);
        }
        try {
            store.refresh(file, saved.archived());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading rollout " + file, e);
        }
        return true;
    }
}
