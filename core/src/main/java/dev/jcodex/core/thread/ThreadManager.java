package dev.jcodex.core.thread;

import dev.jcodex.core.config.Config;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.config.ProjectRoot;
import dev.jcodex.core.context.ProjectDocs;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.EventSink;
import dev.jcodex.core.model.ModelClient;
import dev.jcodex.core.model.ModelClients;
import dev.jcodex.core.skills.SkillCatalog;
import dev.jcodex.core.skills.SkillPrompts;
import dev.jcodex.core.tools.ToolRegistry;
import dev.jcodex.core.util.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The process-wide registry of loaded threads, and what they share: config, model clients, tools. */
public final class ThreadManager {
    private final ConfigLoader configLoader;
    private final EventSink sink;
    private final Map<String, AgentThread> threads = new ConcurrentHashMap<>();
    private final Map<String, ModelClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> modelHeaders;
    private volatile Function<AgentThread, ToolRegistry> toolsFactory = t -> new ToolRegistry();

    public ThreadManager(ConfigLoader configLoader, EventSink sink, Map<String, String> modelHeaders) {
        this.configLoader = configLoader;
        this.sink = e -> {
            sink.emit(e);
            if (e instanceof Event.TurnCompleted c && threads.get(c.threadId()) instanceof AgentThread t) {
                t.turnAnnounced(c.turn().id());
                NotifyHook.afterTurn(t, c.turn());
            }
        };
        this.modelHeaders = Map.copyOf(modelHeaders);
    }

    public ConfigLoader configLoader() { return configLoader; }

    EventSink sink() { return sink; }

    /** Installs how each thread's tool set is built (the tools live outside this package). */
    public void setToolsFactory(Function<AgentThread, ToolRegistry> factory) { this.toolsFactory = factory; }

    /** Creates and registers a thread. Throws IllegalArgumentException for a bad cwd, provider or policy. */
    public AgentThread start(StartOptions o) { return create(o, null, t -> {}); }

    /**
     * Loads a thread saved on disk: {@code meta} keeps its id and times, {@code o} its last settings with the
     * caller's overrides applied. Throws IllegalStateException if a thread with that id is already loaded.
     */
    public AgentThread restore(StartOptions o, ThreadMetadata meta, List<com.fasterxml.jackson.databind.node.ObjectNode> history,
                               List<TurnRecord> turns, dev.jcodex.core.model.TokenUsage usage,
                               Map<String, Integer> historyStarts) {
        AgentThread t = create(o, meta, th -> th.restore(history, turns, usage, historyStarts));
        sink.emit(new Event.ThreadStatusChanged(t.id(), dev.jcodex.core.event.ThreadState.IDLE));
        return t;
    }

    /** Reports an event that concerns a thread but no turn (archive, rename) to whoever listens. */
    public void announce(Event e) { sink.emit(e); }

    /** Drops a loaded thread (archive); false when it is running a turn or not loaded. */
    public boolean unload(String id) { return unload(id, false); }

    /**
     * Drops a thread that sat idle with no subscriber: every connection hears it become notLoaded, then
     * {@code thread/closed}. False when it is running a turn or not loaded.
     */
    public boolean unloadIdle(String id) { return unload(id, true); }

    private boolean unload(String id, boolean idle) {
        AgentThread t = threads.get(id);
        if (t == null || !t.retire()) return false;
        threads.remove(id, t);
        // Told before anything can load the thread again, so a reload's status never precedes this one.
        sink.emit(new Event.ThreadStatusChanged(id, dev.jcodex.core.event.ThreadState.NOT_LOADED));
        if (idle) sink.emit(new Event.ThreadClosed(id));
        unloadedHook.accept(t);
        return true;
    }

    /** Installs what runs when a thread is unloaded (its MCP servers and running commands stop). */
    public void onThreadUnloaded(java.util.function.Consumer<AgentThread> hook) { this.unloadedHook = hook; }

    private volatile java.util.function.Consumer<AgentThread> unloadedHook = t -> {};

    /** Installs what runs on every thread made or loaded, before anyone sees it (persistence assigns paths). */
    public void onThreadCreated(java.util.function.Consumer<AgentThread> hook) { this.createdHook = hook; }

    private volatile java.util.function.Consumer<AgentThread> createdHook = t -> {};
    private volatile java.util.function.Consumer<AgentThread> historyHook = t -> {};

    /** Installs what runs each time a thread's model history grows (persistence writes it at once). */
    public void onHistoryAppended(java.util.function.Consumer<AgentThread> hook) { this.historyHook = hook; }

    void historyAppended(AgentThread t) { historyHook.accept(t); }

    /** Sees a compaction: must run {@code swap} (which replaces the history), and may record it around that. */
    public interface HistoryReplacedHook {
        void replaced(AgentThread t, List<com.fasterxml.jackson.databind.node.ObjectNode> replacement, String summary,
                      Runnable swap);
    }

    private volatile HistoryReplacedHook replacedHook = (t, r, s, swap) -> swap.run();

    /** Installs what runs when a compaction replaces a thread's history (persistence writes a compacted line). */
    public void onHistoryReplaced(HistoryReplacedHook hook) { this.replacedHook = hook; }

    void historyReplaced(AgentThread t, List<com.fasterxml.jackson.databind.node.ObjectNode> replacement, String summary,
                         Runnable swap) {
        replacedHook.replaced(t, replacement, summary, swap);
    }

    /** Sees a revert: must run {@code cut} (which drops the turns and returns how many), and may record it. */
    public interface HistoryRevertedHook {
        void reverted(AgentThread t, String beforeTurnId, java.util.function.IntSupplier cut);
    }

    private volatile HistoryRevertedHook revertedHook = (t, before, cut) -> cut.getAsInt();

    /** Installs what runs when a revert cuts a thread's history (persistence writes a rollback line). */
    public void onHistoryReverted(HistoryRevertedHook hook) { this.revertedHook = hook; }

    void historyReverted(AgentThread t, String beforeTurnId, java.util.function.IntSupplier cut) {
        revertedHook.reverted(t, beforeTurnId, cut);
    }

    private AgentThread create(StartOptions o, ThreadMetadata restored, java.util.function.Consumer<AgentThread> seed) {
        String cwd = resolveCwd(o.cwd());
        Config config = configLoader.load(Path.of(cwd), o.configOverrides());
        String providerId = o.modelProvider() != null ? o.modelProvider() : config.modelProviderId();
        config.provider(providerId); // validates the id with a clear message
        String approval = o.approvalPolicy() != null ? o.approvalPolicy() : config.approvalPolicy();
        String mode = o.sandboxMode() != null ? o.sandboxMode() : config.sandboxMode();
        SandboxSettings sandbox = SandboxSettings.fromMode(mode, stringList(config.get("sandbox_workspace_write.writable_roots")),
                config.bool("sandbox_workspace_write.network_access", false),
                config.bool("sandbox_workspace_write.exclude_tmpdir_env_var", false),
                config.bool("sandbox_workspace_write.exclude_slash_tmp", false));
        ThreadSettings settings = new ThreadSettings(o.model() != null ? o.model() : config.model(), providerId, cwd,
                approval, sandbox, o.reasoningEffort() != null ? o.reasoningEffort() : config.reasoningEffort(),
                config.reasoningSummary(),
                o.baseInstructions() != null ? o.baseInstructions() : config.string("base_instructions", null),
                o.developerInstructions() != null ? o.developerInstructions() : config.string("developer_instructions", null));
        ThreadMetadata meta = restored != null ? restored : new ThreadMetadata(Ids.uuidV7(), null,
                System.currentTimeMillis() / 1000, o.ephemeral(), o.originator(), o.source() == null ? "vscode" : o.source());
        AgentThread t = new AgentThread(this, meta, settings, config);
        seed.accept(t);
        createdHook.accept(t);
        if (threads.putIfAbsent(t.id(), t) != null) throw new IllegalStateException("thread already loaded: " + t.id());
        return t;
    }

    /**
     * Announces a thread made by {@link #start} once the caller has answered its request, then (as Codex does) each
     * warning of the config it was started with as a thread {@code warning}: that config includes the project
     * layers of its cwd and its own overrides, which the daemon-level configWarning at initialize cannot know.
     */
    public void announceStarted(AgentThread t) {
        sink.emit(new Event.ThreadStarted(t.id()));
        for (dev.jcodex.core.config.ConfigWarning w : t.config().configWarnings()) sink.emit(new Event.Warning(t.id(), w.summary()));
    }

    public AgentThread get(String id) { return threads.get(id); }

    public Collection<AgentThread> loaded() { return List.copyOf(threads.values()); }

    ModelClient modelFor(AgentThread t, ThreadSettings s) {
        ModelProviderInfo p = t.config().provider(s.modelProvider());
        return clients.computeIfAbsent(p.id(), id -> ModelClients.forProvider(p, modelHeaders));
    }

    ToolRegistry toolsFor(AgentThread t) { return toolsFactory.apply(t); }

    /** The tools a reviewer may use: only those that run commands (under the read-only review sandbox). */
    ToolRegistry reviewToolsFor(AgentThread t) { return toolsFactory.apply(t).only("exec_command", "write_stdin"); }

    /**
     * A new thread for a detached review: the parent's config and current settings, an empty history (the
     * review brings its own context), and a preview that says what it reviews. Announce it with
     * {@link #announceStarted} once the request that made it is answered.
     */
    public AgentThread startReviewThread(AgentThread parent) {
        ThreadSettings ps = parent.settings();
        ThreadMetadata meta = new ThreadMetadata(Ids.uuidV7(), null, System.currentTimeMillis() / 1000,
                parent.metadata().ephemeral(), parent.originator(), parent.metadata().source());
        AgentThread t = new AgentThread(this, meta, ps, parent.config());
        createdHook.accept(t);
        threads.put(t.id(), t);
        return t;
    }

    /** The messages that open the thread's history (or a compacted one) for settings {@code s}. */
    List<com.fasterxml.jackson.databind.node.ObjectNode> initialContext(AgentThread t, ThreadSettings s) {
        return InitialContext.build(s, userInstructions(t, s), SkillPrompts.instructions(skills(t, s).skills()));
    }

    /** The skills for the thread's cwd, found anew each time (a skill added mid-session is seen). */
    SkillCatalog.Found skills(AgentThread t, ThreadSettings s) {
        return SkillCatalog.discover(t.config().codexHome(), Path.of(s.cwd()), SkillCatalog.userHome());
    }

    /** AGENTS.md (global and project) as the user-instructions message for the thread's cwd, or null. */
    String userInstructions(AgentThread t, ThreadSettings s) {
        Config c = t.config();
        Path cwd = Path.of(s.cwd());
        List<String> markers = stringList(c.get("project_root_markers"));
        if (markers.isEmpty() && !(c.get("project_root_markers") instanceof List)) markers = List.of(".git");
        String project = ProjectDocs.projectDocs(cwd, markers.isEmpty() ? null : ProjectRoot.find(cwd, markers),
                stringList(c.get("project_doc_fallback_filenames")),
                c.number("project_doc_max_bytes", ProjectDocs.DEFAULT_MAX_BYTES));
        String global = ProjectDocs.globalInstructions(c.codexHome(), c.string("instructions", null));
        return ProjectDocs.userInstructions(cwd, global, project);
    }

    /** The instruction files a thread's model sees (global AGENTS.md, then the project's), as paths. */
    public List<String> instructionSources(AgentThread t) {
        Config c = t.config();
        Path cwd = Path.of(t.settings().cwd());
        List<String> markers = stringList(c.get("project_root_markers"));
        if (markers.isEmpty() && !(c.get("project_root_markers") instanceof List)) markers = List.of(".git");
        List<String> out = new ArrayList<>();
        for (Path p : ProjectDocs.sources(c.codexHome(), cwd, markers.isEmpty() ? null : ProjectRoot.find(cwd, markers),
                stringList(c.get("project_doc_fallback_filenames")), c.number("project_doc_max_bytes", ProjectDocs.DEFAULT_MAX_BYTES))) {
            out.add(p.toString());
        }
        return out;
    }

    /** The model's context window: {@code model_context_window} from config when set, else the catalog's. */
    Long contextWindow(Config c, String model) {
        long configured = c == null ? -1 : c.number("model_context_window", -1);
        return configured > 0 ? Long.valueOf(configured) : contextWindow(model);
    }

    Long contextWindow(String model) {
        if (model == null) return null;
        var known = dev.jcodex.core.model.ModelCatalog.find(model);
        if (known != null && known.contextWindow() != null) return known.contextWindow();
        if (model.startsWith("gpt-5") || model.startsWith("codex")) return 258_400L;
        if (model.startsWith("o3") || model.startsWith("o4")) return 190_000L;
        return 128_000L;
    }

    private static String resolveCwd(String cwd) {
        Path p = cwd == null ? dev.jcodex.core.config.WorkingDirectory.current() : Path.of(cwd);
        if (!p.isAbsolute()) throw new IllegalArgumentException("cwd must be an absolute path: " + cwd);
        if (!Files.isDirectory(p)) throw new IllegalArgumentException("cwd is not a directory: " + cwd);
        return p.normalize().toString();
    }

    private static List<String> stringList(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) for (Object o : l) out.add(String.valueOf(o));
        return out;
    }
}
