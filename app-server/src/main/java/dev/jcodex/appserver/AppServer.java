package dev.jcodex.appserver;

import dev.jcodex.appserver.events.EventRouter;
import dev.jcodex.appserver.events.EventTranslator;
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
import dev.jcodex.appserver.handlers.TurnHandler;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.persist.RolloutRecorder;
import dev.jcodex.core.persist.ThreadStore;
import dev.jcodex.core.thread.ThreadManager;
import java.util.Map;

/** Wires the engine, the event routing and the feature handlers; transports attach connections to it. */
public final class AppServer {
    private final ConfigLoader configLoader;
    private final ThreadManager threads;
    private final EventRouter router = new EventRouter();
    private final Dispatcher dispatcher = new Dispatcher();

    public AppServer(ConfigLoader configLoader) {
        this.configLoader = configLoader;
        ThreadStore store = new ThreadStore(configLoader.codexHome());
        RolloutRecorder recorder = new RolloutRecorder(router, store, configLoader.codexHome());
        this.threads = new ThreadManager(configLoader, recorder, Map.of("user-agent", "jcodex/" + InitializeHandler.JCODEX_VERSION));
        recorder.attach(threads);
        router.setTranslator(new EventTranslator(threads));
        ConfigHandler config = new ConfigHandler(configLoader);
        new InitializeHandler(configLoader.codexHome(), config::sendWarnings).register(dispatcher);
        config.register(dispatcher);
        new ModelHandler(configLoader).register(dispatcher);
        new AccountHandler(configLoader).register(dispatcher);
        new ThreadHandler(threads).register(dispatcher);
        new TurnHandler(threads).register(dispatcher);
        new CommandExecHandler(configLoader).register(dispatcher);
        new FsHandler().register(dispatcher);
        new FuzzyFileSearchHandler().register(dispatcher);
        new SkillsHandler(configLoader.codexHome()).register(dispatcher);
        new SavedThreadsHandler(threads, store, recorder).register(dispatcher);
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
