package dev.jcodex.core.thread;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.model.TokenUsage;
import dev.jcodex.core.skills.Skill;
import dev.jcodex.core.skills.SkillCatalog;
import dev.jcodex.core.skills.SkillPrompts;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded conversation: its settings, the model-facing history and the record of its turns. At most one
 * turn runs at a time.
 */
public final class AgentThread {
    private final ThreadManager manager;
    private final ThreadMetadata meta;
    private volatile ThreadSettings settings;
    private final List<ObjectNode> history = new ArrayList<>();
    private final List<TurnRecord> turns = new ArrayList<>();
    /** Per turn id, the size of {@link #history} when the turn began (-1 once a compaction replaced it): revert cuts there. */
    private final java.util.Map<String, Integer> historyStarts = new java.util.HashMap<>();
    private TurnRunner active;
    /** Set when the thread is unloaded: this object then starts no turn (a request that still holds it fails). */
    private boolean retired;
    private volatile ThreadState state = ThreadState.IDLE;
    private boolean contextSent;
    private TokenUsage totalUsage = TokenUsage.ZERO;
    /** The usage of the last model response that reported one (ZERO until then). */
    private TokenUsage lastUsage = TokenUsage.ZERO;
    /** Tokens the model saw in the latest request (its input plus output): what auto-compaction compares. */
    private long contextTokens;
    /** Set when a turn failed with contextWindowExceeded: the next turn compacts first. */
    private boolean compactBeforeNextTurn;

    private final dev.jcodex.core.config.Config config;

    AgentThread(ThreadManager manager, ThreadMetadata meta, ThreadSettings settings, dev.jcodex.core.config.Config config) {
        this.manager = manager;
        this.config = config;
        this.meta = meta;
        this.settings = settings;
    }

    public String id() { return meta.id(); }
    public ThreadMetadata metadata() { return meta; }
    public ThreadSettings settings() { return settings; }
    public ThreadState state() { return state; }
    /** The effective config this thread was started with (layers plus its own overrides). */
    public dev.jcodex.core.config.Config config() { return config; }
    public String originator() { return meta.originator(); }
    ThreadManager manager() { return manager; }

    public synchronized TurnRunner activeTurn() { return active; }

    /** The collaboration mode ("default" or "plan") turn/start last set; it stays for later turns. */
    private volatile String collaborationMode = "default";

    public String collaborationMode() { return collaborationMode; }

    public void setCollaborationMode(String mode) { collaborationMode = mode == null ? "default" : mode; }

    public synchronized List<TurnRecord> turns() { return List.copyOf(turns); }

    public synchronized TokenUsage totalUsage() { return totalUsage; }

    void emit(Event e) {
        if (e instanceof Event.ThreadStatusChanged s) state = s.state();
        manager.sink().emit(e);
    }

    /**
     * Prepares a turn with the given overrides (they become the thread's defaults). The caller launches it
     * with {@link PendingTurn#launch()} once it has answered the request, so the reply precedes the events.
     */
    public PendingTurn prepareTurn(List<InputPart> input, TurnOverrides o) {
        ThreadSettings before = settings;
        PendingTurn p = prepareTurnLocked(input, o);
        // Told before the request is answered (as Codex), and outside the lock: the recorder takes its own first.
        if (!settings.equals(before)) emit(new Event.ThreadSettingsChanged(id()));
        return p;
    }

    private synchronized PendingTurn prepareTurnLocked(List<InputPart> input, TurnOverrides o) {
        checkLoaded();
        if (active != null) {
            throw new IllegalStateException("a turn is already running on thread " + id() + " (turn " + active.turnId()
                    + "); interrupt it or wait for turn/completed");
        }
        settings = settings.with(o.model(), o.cwd(), o.approvalPolicy(), o.sandbox(), o.effort(), o.summary());
        TurnRunner runner = new TurnRunner(this, dev.jcodex.core.util.Ids.uuidV7(), input, settings,
                manager.modelFor(this, settings), manager.toolsFor(this), o.outputSchema());
        active = runner;
        turns.add(new TurnRecord(runner.turnId(), new ArrayList<>(), null));
        historyStarts.put(runner.turnId(), history.size());
        meta.touch();
        if (meta.preview().isEmpty()) meta.setPreview(firstText(input));
        return new PendingTurn(runner.startInfo(false), () -> Thread.ofVirtual().name("turn-" + runner.turnId()).start(runner));
    }

    /**
     * Prepares a review turn over {@code gathered} (see {@link ReviewSession}). The reviewer runs with the
     * thread's model but read-only and without approvals: a review looks, it does not change anything.
     */
    public synchronized PendingTurn prepareReview(dev.jcodex.core.review.ReviewChanges.Gathered gathered) {
        checkIdle();
        ThreadSettings reviewSettings = settings.with(null, null, "never",
                new SandboxSettings("readOnly", List.of(), false, false, false), null, null);
        TurnRunner runner = new TurnRunner(this, dev.jcodex.core.util.Ids.uuidV7(), List.of(), reviewSettings,
                manager.modelFor(this, reviewSettings), manager.reviewToolsFor(this), null,
                new ReviewSession(gathered), null);
        return begin(runner, "Review: " + gathered.label());
    }

    /**
     * Attaches work (a user shell command) to the running regular turn, or returns null when no turn runs
     * or the running one takes no input (a review, a task, or a turn that is ending).
     */
    public synchronized TurnRunner.Attachment attachToActiveTurn() {
        return active == null ? null : active.attach();
    }

    /** Prepares a turn that runs {@code body} (a user shell command) instead of sampling the model. */
    public synchronized PendingTurn prepareTask(String preview, TurnRunner.TurnBody body) {
        checkIdle();
        TurnRunner runner = new TurnRunner(this, dev.jcodex.core.util.Ids.uuidV7(), List.of(), settings,
                manager.modelFor(this, settings), new dev.jcodex.core.tools.ToolRegistry(), null, null, body);
        return begin(runner, preview);
    }

    /** Prepares a turn that only compacts the history (thread/compact/start); launched like any other turn. */
    public synchronized PendingTurn prepareCompaction() {
        checkIdle();
        TurnRunner runner = new TurnRunner(this, dev.jcodex.core.util.Ids.uuidV7(), List.of(), settings,
                manager.modelFor(this, settings), new dev.jcodex.core.tools.ToolRegistry(), null, null, null, true);
        return begin(runner, "");
    }

    private void checkLoaded() {
        if (retired) throw new IllegalStateException("thread not loaded: " + id());
    }

    /**
     * Marks the thread unloaded unless a turn runs; true when it now is. Checked and set under the lock that
     * starting a turn takes, so no turn can start between the check and the unload.
     */
    synchronized boolean retire() {
        if (active != null) return false;
        retired = true;
        return true;
    }

    private void checkIdle() {
        checkLoaded();
        if (active != null) {
            throw new IllegalStateException("a turn is already running on thread " + id() + " (turn " + active.turnId()
                    + "); interrupt it or wait for turn/completed");
        }
    }

    private PendingTurn begin(TurnRunner runner, String preview) {
        active = runner;
        turns.add(new TurnRecord(runner.turnId(), new ArrayList<>(), null));
        historyStarts.put(runner.turnId(), history.size());
        meta.touch();
        if (meta.preview().isEmpty()) meta.setPreview(preview);
        return new PendingTurn(runner.startInfo(false), () -> Thread.ofVirtual().name("turn-" + runner.turnId()).start(runner));
    }

    /** The last turn whose turn/completed went out (set after every sink saw it). */
    private String announcedTurn;

    synchronized void turnAnnounced(String turnId) {
        announcedTurn = turnId;
        notifyAll();
    }

    /**
     * Interrupts the running turn, if any, and waits until it has ended and its completion has been told to
     * everyone (what revert and delete do first, as Codex: clients see turn/completed before the answer). False
     * when it is still running after {@code timeoutMs}.
     */
    public boolean stopRunningTurn(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (this) {
            if (active == null) return true;
            String turnId = active.turnId();
            active.interrupt();
            while (active != null || !turnId.equals(announcedTurn)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return false;
                wait(left);
            }
            return true;
        }
    }

    /** Asks the running turn to stop; false when {@code turnId} is not the running turn. */
    public synchronized boolean interrupt(String turnId) {
        if (active == null || (turnId != null && !active.turnId().equals(turnId))) return false;
        active.interrupt();
        return true;
    }

    /**
     * Adds input to the running turn (turn/steer). Throws IllegalStateException when no turn runs, it is not
     * {@code expectedTurnId}, or it is already ending.
     */
    public synchronized String steer(String expectedTurnId, List<InputPart> input) {
        if (active == null) throw new IllegalStateException("no active turn to steer on thread " + id());
        if (expectedTurnId != null && !active.turnId().equals(expectedTurnId)) {
            throw new IllegalStateException("expected active turn id `" + expectedTurnId + "` but found `"
                    + active.turnId() + "`");
        }
        if (active.isReview()) {
            throw new TurnNotSteerableException("review", "turn " + active.turnId() + " is a review and cannot be "
                    + "steered; wait for it to finish or interrupt it");
        }
        if (active.isTask()) {
            // Not a kind Codex clients know (review, compact), so a plain refusal without codexErrorInfo.
            throw new IllegalStateException("turn " + active.turnId() + " runs a shell command and cannot "
                    + "be steered; wait for it to finish or interrupt it");
        }
        if (!active.steer(input)) throw new IllegalStateException("turn " + active.turnId() + " is ending; start a new turn");
        return active.turnId();
    }

    /**
     * Cuts the response turn {@code turnId} is streaming so its steered input goes out now; called once the
     * steer has been answered, so the client hears the answer before the steer's user message.
     */
    public synchronized void cutForSteer(String turnId) {
        if (active != null && active.turnId().equals(turnId)) active.cutForSteer();
    }

    synchronized void turnEnded(TurnRunner runner, TurnInfo done) {
        if (active == runner) active = null;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).id().equals(done.id())) {
                turns.set(i, new TurnRecord(done.id(), turns.get(i).items(), done));
                break;
            }
        }
        meta.touch();
    }

    /** Replaces how an ended turn ended (the recorder fails a turn whose rollout could not be written). */
    public synchronized void amendTurnEnd(TurnInfo end) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).id().equals(end.id()) && turns.get(i).end() != null) {
                turns.set(i, new TurnRecord(end.id(), turns.get(i).items(), end));
                return;
            }
        }
    }

    synchronized void recordItem(String turnId, Item item) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).id().equals(turnId)) {
                turns.get(i).items().add(item);
                return;
            }
        }
    }

    void recordInterruption(String turnId) {
        synchronized (this) {
            addInterruptionMarker(turnId);
        }
        manager.historyAppended(this);
    }

    private void addInterruptionMarker(String turnId) {
        history.add(InitialContext.message("user", "<turn_aborted>\nThe user interrupted the previous turn "
                + turnId + ". Anything it was doing was stopped.\n</turn_aborted>"));
    }

    void appendUserInput(List<InputPart> input, ThreadSettings s) {
        List<String> dropped;
        synchronized (this) {
            dropped = addUserInput(input, s);
        }
        manager.historyAppended(this); // outside the lock: the recorder takes its own
        for (String why : dropped) emit(new Event.Warning(id(), why));
    }

    /**
     * The user's input as the model gets it: text, images and mentions in one message, then each chosen skill
     * as a message of its own carrying its SKILL.md (as Codex sends them). A skill input whose path is not a
     * skill found for the cwd is not sent (Codex drops it too); the returned warnings say so.
     */
    private List<String> addUserInput(List<InputPart> input, ThreadSettings s) {
        if (!contextSent) {
            history.addAll(manager.initialContext(this, s));
            contextSent = true;
        }
        ObjectNode msg = Json.object().put("type", "message").put("role", "user");
        ArrayNode content = msg.putArray("content");
        List<ObjectNode> skills = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        SkillCatalog.Found found = null;
        for (InputPart p : input) {
            switch (p) {
                case InputPart.Text t -> content.addObject().put("type", "input_text").put("text", t.text());
                case InputPart.ImageUrl u -> content.addObject().put("type", "input_image").put("image_url", u.url());
                case InputPart.LocalImage l -> content.addObject().put("type", "input_image")
                        .put("image_url", LocalImages.dataUrl(l.path()));
                case InputPart.Skill sk -> {
                    if (found == null) found = manager.skills(this, s);
                    ObjectNode m = skillMessage(sk, found, dropped);
                    if (m != null) skills.add(m);
                }
                case InputPart.Mention m -> content.addObject().put("type", "input_text")
                        .put("text", "<mention name=\"" + m.name() + "\" path=\"" + m.path() + "\"/>");
            }
        }
        if (!content.isEmpty()) history.add(msg);
        history.addAll(skills);
        return dropped;
    }

    private static ObjectNode skillMessage(InputPart.Skill sk, SkillCatalog.Found found, List<String> dropped) {
        Skill skill = null;
        try {
            skill = sk.path() == null || sk.path().isBlank() ? null : found.byPath(Path.of(sk.path()));
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: reported below like any skill that is not there
        }
        if (skill == null) {
            dropped.add("skill `" + sk.name() + "` was not sent to the model: " + sk.path() + " is not a skill of this "
                    + "workspace (skills/list shows the skills found)");
            return null;
        }
        try {
            return InitialContext.message("user", SkillPrompts.skillMessage(skill, Files.readString(skill.path())));
        } catch (IOException | java.io.UncheckedIOException e) {
            dropped.add("skill `" + sk.name() + "` was not sent to the model: cannot read " + skill.path() + ": "
                    + e.getMessage());
            return null;
        }
    }

    /** Appends history, opening it with the initial context first if this thread has none yet. */
    public void appendHistoryWithContext(ThreadSettings s, List<ObjectNode> items) {
        synchronized (this) {
            if (!contextSent) {
                history.addAll(manager.initialContext(this, s));
                contextSent = true;
            }
            history.addAll(items);
        }
        manager.historyAppended(this);
    }

    void appendHistory(List<ObjectNode> items) {
        synchronized (this) {
            history.addAll(items);
        }
        manager.historyAppended(this);
    }

    /** History entries from index {@code from} on (what a recorder has not yet written). */
    public synchronized List<ObjectNode> historySince(int from) {
        return from >= history.size() ? List.of() : List.copyOf(history.subList(from, history.size()));
    }

    public synchronized int historySize() { return history.size(); }

    /** Seeds a thread restored from disk: its model history, its turns and its token total. */
    synchronized void restore(List<ObjectNode> savedHistory, List<TurnRecord> savedTurns, TokenUsage usage,
                              java.util.Map<String, Integer> savedStarts) {
        history.addAll(savedHistory);
        turns.addAll(savedTurns);
        if (savedStarts != null) historyStarts.putAll(savedStarts);
        totalUsage = usage == null ? TokenUsage.ZERO : usage;
        contextSent = !history.isEmpty();
        // contextTokens stays 0: the rollout keeps no per-request count, the first request's usage sets it.
    }

    public synchronized List<ObjectNode> historySnapshot() { return List.copyOf(history); }

    void addUsage(String turnId, TokenUsage last) {
        TokenUsage total;
        synchronized (this) {
            totalUsage = totalUsage.plus(last);
            lastUsage = last;
            if (last.totalTokens() > 0) contextTokens = last.totalTokens();
            total = totalUsage;
        }
        // Emitted outside the lock: the recorder takes its session lock and then this thread's.
        emit(new Event.TokenUsageUpdated(id(), turnId, total, last, manager.contextWindow(config, settings.model())));
    }

    /** True when the history should be compacted before the next model request. */
    synchronized boolean needsCompaction(String model) {
        if (compactBeforeNextTurn) return true;
        Long window = manager.contextWindow(config, model);
        return window != null && contextTokens >= Compaction.autoCompactLimit(config, window);
    }

    synchronized void compactBeforeNextTurn() { compactBeforeNextTurn = true; }

    /**
     * Replaces the model history with a compacted one. The swap runs inside the history-replaced hook so a
     * recorder can write its {@code compacted} line atomically with it.
     */
    void replaceHistory(List<ObjectNode> replacement, String summary, long estimatedTokens) {
        manager.historyReplaced(this, replacement, summary, () -> {
            synchronized (this) {
                history.clear();
                history.addAll(replacement);
                historyStarts.replaceAll((k, v) -> -1);
                contextSent = true;
                contextTokens = estimatedTokens;
                compactBeforeNextTurn = false;
            }
        });
    }

    /**
     * The read state: the first turn is the first unread one (jcodex has no method that marks turns read), and
     * the revision names the latest turn and the number of turns, so it changes with every turn and revert.
     */
    public synchronized Event.ReadStateChanged readState() {
        if (turns.isEmpty()) return new Event.ReadStateChanged(id(), null, "initial:" + id());
        return new Event.ReadStateChanged(id(), turns.getFirst().id(), turns.getLast().id() + "/" + turns.size());
    }

    /**
     * Drops turn {@code beforeTurnId} and every later turn, and cuts the model history back to what it was
     * when that turn began, so the next request no longer contains them (thread/revert; files are not
     * touched). The cut runs inside the history-reverted hook, so a recorder writes its marker atomically
     * with it. Returns how many turns were dropped. NoSuchElementException when there is no such turn;
     * IllegalStateException when a turn runs, or a compaction since that turn began replaced the history
     * (it no longer holds the turns separately).
     */
    public int revert(String beforeTurnId) {
        int[] dropped = new int[1];
        Runnable cut = () -> {
            synchronized (this) {
                checkIdle();
                int from = -1;
                for (int i = 0; i < turns.size(); i++) if (turns.get(i).id().equals(beforeTurnId)) { from = i; break; }
                if (from < 0) throw new java.util.NoSuchElementException("turn not found: " + beforeTurnId);
                Integer start = historyStarts.get(beforeTurnId);
                if (start == null || start < 0 || start > history.size()) {
                    throw new IllegalStateException("turn " + beforeTurnId + " began before the history was compacted; "
                            + "it can no longer be reverted");
                }
                history.subList(start, history.size()).clear();
                for (TurnRecord gone : turns.subList(from, turns.size())) historyStarts.remove(gone.id());
                dropped[0] = turns.size() - from;
                turns.subList(from, turns.size()).clear();
                contextSent = !history.isEmpty();
                meta.touch();
            }
        };
        manager.historyReverted(this, beforeTurnId, () -> { cut.run(); return dropped[0]; });
        return dropped[0];
    }

    /** Re-announces the token total of a thread loaded from disk (clients show it before the next turn). */
    /**
     * Re-announces the usage so far for {@code turnId} (a response cut by a steer reports none of its own; Codex
     * sends the totals again at that point). Nothing before the thread's first usage.
     */
    void announceUsage(String turnId) {
        TokenUsage total;
        TokenUsage last;
        synchronized (this) {
            total = totalUsage;
            last = lastUsage;
        }
        if (total.totalTokens() == 0) return;
        emit(new Event.TokenUsageUpdated(id(), turnId, total, last, manager.contextWindow(config, settings.model())));
    }

    public void announceRestoredUsage() {
        TokenUsage total;
        String lastTurn;
        synchronized (this) {
            if (turns.isEmpty()) return;
            total = totalUsage;
            lastTurn = turns.getLast().id();
        }
        emit(new Event.TokenUsageUpdated(id(), lastTurn, total, TokenUsage.ZERO, manager.contextWindow(config, settings.model())));
    }

    private static String firstText(List<InputPart> input) {
        for (InputPart p : input) if (p instanceof InputPart.Text t) return t.text();
        return "";
    }
}
