package dev.jcodex.appserver;

import dev.jcodex.appserver.approvals.ApprovalBroker;
import dev.jcodex.appserver.approvals.ThreadRequests;
import dev.jcodex.appserver.events.EventRouter;
import dev.jcodex.appserver.events.EventTranslator;
import dev.jcodex.appserver.events.IdleUnloader;
import dev.jcodex.appserver.handlers.ChatgptAccountExtrasHandler;
import dev.jcodex.appserver.handlers.ExternalAgentImportHandler;
import dev.jcodex.appserver.handlers.GuardianAndWindowsSandboxHandler;
import dev.jcodex.appserver.handlers.PluginsHandler;
import dev.jcodex.appserver.handlers.SectionsAndAttachmentsHandler;
import dev.jcodex.appserver.handlers.AccountHandler;
import dev.jcodex.appserver.handlers.ConfigHandler;
import dev.jcodex.appserver.handlers.InitializeHandler;
import dev.jcodex.appserver.handlers.ModelHandler;
import dev.jcodex.appserver.handlers.CommandExecHandler;
import dev.jcodex.appserver.handlers.FsHandler;
import dev.jcodex.appserver.handlers.FuzzyFileSearchHandler;
import dev.jcodex.appserver.handlers.SkillsHandler;
import dev.jcodex.appserver.handlers.SavedThreadsHandler;
import dev.jcodex.appserver.handlers.ThreadHandler;
import dev.jcodex.appserver.handlers.ThreadHistoryHandler;
import dev.jcodex.appserver.handlers.TurnHandler;
import dev.jcodex.appserver.mcp.McpElicitationBridge;
import dev.jcodex.appserver.mcp.McpHandler;
import dev.jcodex.appserver.handlers.ReviewHandler;
import dev.jcodex.appserver.handlers.ShellCommandHandler;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.persist.RolloutRecorder;
import dev.jcodex.core.persist.ThreadStore;
import dev.jcodex.core.mcp.McpServerConfig;
import dev.jcodex.core.mcp.McpTools;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.tools.ToolRegistry;
import dev.jcodex.core.tools.CoreTools;
import java.util.Map;

/** Wires the engine, the event routing and the feature handlers; transports attach connections to it. */
public final class AppServer {
    private final ConfigLoader configLoader;
    private final ThreadManager threads;
    private final EventRouter router = new EventRouter();
    private final Dispatcher dispatcher = new Dispatcher();
    private final dev.jcodex.appserver.events.ObservedRateLimits rateLimits = new dev.jcodex.appserver.events.ObservedRateLimits();

    public AppServer(ConfigLoader configLoader) {
        this.configLoader = configLoader;
        ThreadStore store = new ThreadStore(configLoader.codexHome());
        // The idle unloader learns of turn ends after the clients did (the router has sent turn/completed).
        dev.jcodex.core.event.EventSink toClients = e -> {
            if (e instanceof dev.jcodex.core.event.Event.RateLimitsUpdated r) rateLimits.record(r.limits());
            router.emit(e);
            if (e instanceof dev.jcodex.core.event.Event.TurnCompleted c) turnEnds.accept(c.threadId());
        };
        RolloutRecorder recorder = new RolloutRecorder(toClients, store, configLoader.codexHome());
        this.threads = new ThreadManager(configLoader, recorder, Map.of("user-agent", "jcodex/" + InitializeHandler.JCODEX_VERSION));
        recorder.attach(threads);
        router.setTranslator(new EventTranslator(threads));
        this.requests = new ThreadRequests(router);
        this.approvals = new ApprovalBroker(requests);
        CoreTools tools = new CoreTools(approvals, new dev.jcodex.appserver.approvals.UserInputRequests(requests),
                new dev.jcodex.appserver.approvals.PermissionRequests(requests));
        // Commands left running in exec sessions die with the daemon, not after it.
        Runtime.getRuntime().addShutdownHook(new Thread(tools::shutdown, "jcodex-kill-sessions"));
        ConfigHandler config = new ConfigHandler(configLoader);
        // Work every session needs soon but the handshake does not waits until initialize is answered (on a
        // loaded 2-core box it would otherwise compete with the reply for CPU): the thread index (SQLite), and
        // sandbox detection, which probes the kernel once per process (before the first command, not during it).
        new InitializeHandler(configLoader.codexHome(), conn -> {
            config.sendWarnings(conn);
            store.startInBackground();
            startSandboxProbe();
        }).register(dispatcher);
        config.register(dispatcher);
        new ModelHandler(configLoader, config).register(dispatcher);
        new AccountHandler(configLoader, router, rateLimits).register(dispatcher);
        new ThreadHandler(threads).register(dispatcher);
        new TurnHandler(threads).register(dispatcher);
        new ReviewHandler(threads).register(dispatcher);
        new ShellCommandHandler(threads, tools).register(dispatcher);
        new CommandExecHandler(configLoader).register(dispatcher);
        new FsHandler().register(dispatcher);
        new FuzzyFileSearchHandler().register(dispatcher);
        new SkillsHandler(configLoader.codexHome()).register(dispatcher);
        SavedThreadsHandler saved = new SavedThreadsHandler(threads, store, recorder, requests);
        saved.register(dispatcher);
        ThreadHistoryHandler history = new ThreadHistoryHandler(threads, store);
        saved.setHistory(history);
        history.register(dispatcher);
        // MCP costs nothing until a thread's config names a server: McpTools is created on first need.
        threads.setToolsFactory(t -> {
            ToolRegistry r = tools.registryFor(t);
            if (McpServerConfig.anyConfigured(t.config())) mcp().addTo(r, t);
            return r;
        });
        new McpHandler(threads, configLoader, this::mcp).register(dispatcher);
        // Tier C: features of Codex jcodex does not have, answered truthfully (README "Tier C").
        new SectionsAndAttachmentsHandler().register(dispatcher);
        new PluginsHandler().register(dispatcher);
        new ChatgptAccountExtrasHandler().register(dispatcher);
        new ExternalAgentImportHandler().register(dispatcher);
        new GuardianAndWindowsSandboxHandler().register(dispatcher);
        // An unloaded thread's MCP servers and leftover commands stop with it. Off the caller's thread: each
        // server gets seconds to exit, and nobody waits for that (the idle unloader holds its lock meanwhile).
        threads.onThreadUnloaded(t -> Thread.ofVirtual().name("jcodex-release-" + t.id()).start(() -> {
            tools.release(t);
            McpTools m;
            synchronized (this) { m = mcp; }
            if (m != null) m.release(t.id());
        }));
        // Threads nobody follows are unloaded after thread_unload_delay_secs.
        IdleUnloader idle = new IdleUnloader(threads, router);
        router.setSubscriptionListener(idle);
        turnEnds = idle::turnEnded;
    }

    private final ThreadRequests requests;

    /** Told after each turn/completed went out (set once the idle unloader exists). */
    private volatile java.util.function.Consumer<String> turnEnds = id -> {};

    private final ApprovalBroker approvals;

    private final java.util.concurrent.atomic.AtomicBoolean sandboxProbed = new java.util.concurrent.atomic.AtomicBoolean();

    private void startSandboxProbe() {
        if (sandboxProbed.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("jcodex-sandbox-probe").start(dev.jcodex.sandbox.Sandbox::system);
        }
    }

    private McpTools mcp;

    private synchronized McpTools mcp() {
        if (mcp == null) mcp = new McpTools(router, new McpElicitationBridge(requests), approvals);
        return mcp;
    }

    public Dispatcher dispatcher() { return dispatcher; }
    public ThreadManager threads() { return threads; }
    public ConfigLoader configLoader() { return configLoader; }

    /** Called by a transport for each new connection. */
    public void attach(JsonRpcConnection conn) { router.register(conn); }

    /** Closes every client connection (shutdown): their processes die, queued output is written. */
    public void closeAll() {
        for (JsonRpcConnection c : router.connections()) c.close();
    }
}
