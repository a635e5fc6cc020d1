package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.approvals.ThreadRequests;
import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Reply;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.persist.ListQuery;
import dev.jcodex.core.persist.RolloutRecorder;
import dev.jcodex.core.persist.SavedThread;
import dev.jcodex.core.persist.ThreadStore;
import dev.jcodex.core.persist.ThreadSummary;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.StartOptions;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.thread.ThreadMetadata;
import dev.jcodex.core.thread.ThreadSettings;
import dev.jcodex.core.thread.TurnRecord;
import dev.jcodex.core.util.Ids;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * thread/* methods over saved threads: list (from the index only), read, resume, fork, archive, unarchive,
 * rename, loaded/list, unsubscribe.
 */
public final class SavedThreadsHandler {
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 500;

    private final ThreadManager threads;
    private final ThreadStore store;
    private final RolloutRecorder recorder;
    private final ThreadRequests requests;

    public SavedThreadsHandler(ThreadManager threads, ThreadStore store, RolloutRecorder recorder, ThreadRequests requests) {
        this.threads = threads;
        this.store = store;
        this.recorder = recorder;
        this.requests = requests;
    }

    public void register(Dispatcher d) {
        d.on(ClientRequests.THREAD_LIST, this::list);
        d.on(ClientRequests.THREAD_READ, this::read);
        d.on(ClientRequests.THREAD_RESUME, this::resume);
        d.on(ClientRequests.THREAD_FORK, this::fork);
        d.on(ClientRequests.THREAD_ARCHIVE, this::archive);
        d.on(ClientRequests.THREAD_UNARCHIVE, this::unarchive);
        d.on(ClientRequests.THREAD_NAME_SET, this::setName);
        d.on(ClientRequests.THREAD_LOADED_LIST, this::loadedList);
        d.on(ClientRequests.THREAD_UNSUBSCRIBE, this::unsubscribe);
        d.onAsync(ClientRequests.THREAD_DELETE, this::delete);
        d.on(ClientRequests.THREAD_METADATA_UPDATE, this::updateMetadata);
    }

    private ThreadHistoryHandler history;

    /** Revert loads saved threads the way resume does; resume hands out the history's backwards cursors. */
    public void setHistory(ThreadHistoryHandler h) {
        this.history = h;
        h.setLoader(this::loadSaved);
    }

    static final String DEPRECATED_READ = "Full-history hydration is deprecated for paginated threads; omit "
            + "`includeTurns` or set it to `false`, then page with `thread/turns/list` and `thread/items/list`.";
    static final String DEPRECATED_RESUME = "Full-history hydration is deprecated for paginated threads; use "
            + "`excludeTurns: true`, then page with `thread/turns/list` and `thread/items/list`.";

    /** Told to the client that hydrated a paginated thread whole, before its answer (as Codex). */
    private static void deprecated(JsonRpcConnection conn, String mode, String summary) {
        if (!ThreadSummary.PAGINATED.equals(mode)) return;
        String method = "deprecationNotice";
        if (!conn.session().wants(method)) return;
        conn.sendNotification(method, new dev.jcodex.protocol.notification.DeprecationNoticeNotification(summary, null));
    }

    ThreadListResponse list(JsonRpcConnection conn, ThreadListParams p) {
        int limit = p.limit() == null ? DEFAULT_LIMIT : p.limit();
        if (limit < 1) throw RpcException.invalidParams("Invalid params for thread/list: `limit` must be at least 1");
        limit = Math.min(limit, MAX_LIMIT);
        String sortKey = p.sortKey() == null ? "created_at" : p.sortKey();
        if (!sortKey.equals("created_at") && !sortKey.equals("updated_at")) {
            throw RpcException.invalidParams("Invalid params for thread/list: `sortKey`: unknown variant `" + sortKey
                    + "`, expected `created_at` or `updated_at`");
        }
        String dir = p.sortDirection() == null ? "desc" : p.sortDirection();
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw RpcException.invalidParams("Invalid params for thread/list: `sortDirection`: unknown variant `" + dir
                    + "`, expected `asc` or `desc`");
        }
        Long afterKey = null;
        String afterId = null;
        if (p.cursor() != null) {
            try {
                Object[] c = ThreadStore.parseCursor(p.cursor());
                afterKey = (Long) c[0];
                afterId = (String) c[1];
            } catch (IllegalArgumentException e) {
                throw RpcException.invalidParams("Invalid params for thread/list: `cursor`: " + e.getMessage());
            }
        }
        List<String> sources = p.sourceKinds() == null || p.sourceKinds().isEmpty() ? List.of("cli", "vscode") : p.sourceKinds();
        ThreadStore.Page page = store.list(new ListQuery(Boolean.TRUE.equals(p.archived()), sortKey.equals("updated_at"),
                dir.equals("asc"), cwds(p.cwd()), p.modelProviders(), sources, p.searchTerm(), afterKey, afterId, limit));
        List<dev.jcodex.protocol.v2.Thread> data = new ArrayList<>();
        for (ThreadSummary s : page.items()) {
            AgentThread loaded = threads.get(s.id());
            data.add(loaded != null && !s.archived() ? ThreadView.thread(loaded, false) : stored(s, List.of()));
        }
        return new ThreadListResponse(data, page.nextCursor(), page.backwardsCursor());
    }

    private static List<String> cwds(Object cwd) {
        if (cwd == null) return null;
        if (cwd instanceof String s) return List.of(normalize(s));
        if (cwd instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String s)) throw RpcException.invalidParams("Invalid params for thread/list: `cwd` must be a string or a list of strings");
                out.add(normalize(s));
            }
            return out;
        }
        throw RpcException.invalidParams("Invalid params for thread/list: `cwd` must be a string or a list of strings");
    }

    private static String normalize(String p) {
        return Path.of(p).isAbsolute() ? Path.of(p).normalize().toString() : p;
    }

    ThreadReadResponse read(JsonRpcConnection conn, ThreadReadParams p) {
        boolean withTurns = Boolean.TRUE.equals(p.includeTurns());
        AgentThread t = threads.get(p.threadId());
        if (t != null) {
            if (withTurns) deprecated(conn, t.metadata().historyMode(), DEPRECATED_READ);
            return new ThreadReadResponse(ThreadView.thread(t, withTurns), ThreadView.readState(t.readState()));
        }
        ThreadSummary s = saved(p.threadId(), "thread not loaded: ");
        if (withTurns) deprecated(conn, s.historyMode(), DEPRECATED_READ);
        // Not loaded: no read state is kept for it (the schema's null: unavailable).
        return new ThreadReadResponse(stored(s, withTurns ? store.load(s).turns() : List.of()), null);
    }

    Reply resume(JsonRpcConnection conn, ThreadResumeParams p) {
        boolean withTurns = !Boolean.TRUE.equals(p.excludeTurns());
        // Subscribed before the lookup: this client then hears the load's status, and an idle unload that
        // runs in between sees a subscriber and keeps the thread (or has already unloaded it: loaded again).
        boolean wasSubscribed = conn.session().isSubscribed(p.threadId());
        conn.session().subscribe(p.threadId());
        try {
            AgentThread t = threads.get(p.threadId());
            boolean loadedNow = false;
            if (t == null) {
                loadedNow = true;
                ThreadSummary s = saved(p.threadId(), "no rollout found for thread id ");
                SavedThread saved = store.load(s);
                try {
                    t = restore(saved, p.threadId(), s.forkedFromId(), false, true, conn, p.model(), p.modelProvider(),
                            p.cwd(), p.approvalPolicy(), p.sandbox(), p.config(), p.baseInstructions(), p.developerInstructions());
                } catch (IllegalStateException alreadyLoaded) {
                    t = threads.get(p.threadId()); // another client resumed it first
                    if (t == null) throw alreadyLoaded;
                    loadedNow = false;
                }
            }
            AgentThread resumed = t;
            boolean restored = loadedNow;
            if (withTurns) deprecated(conn, t.metadata().historyMode(), DEPRECATED_RESUME);
            ThreadStartResponse r = response(t, withTurns);
            String[] cursors = history == null ? new String[2] : history.backwardsCursors(t);
            ThreadResumeResponse answer = new ThreadResumeResponse(r.thread(), r.model(), r.modelProvider(), r.serviceTier(),
                    r.disabledPluginIds(), r.cwd(), r.instructionSources(), r.approvalPolicy(), r.approvalsReviewer(),
                    r.sandbox(), r.reasoningEffort(), cursors[0], cursors[1]);
            // after the response, as Codex does: a question still waiting on the thread (an approval) reaches
            // this client too, so it can answer it
            return Reply.then(answer, () -> {
                if (restored) {
                    resumed.announceRestoredUsage();
                    threads.announce(new Event.ThreadGoalCleared(resumed.id()));
                }
                requests.replayTo(conn, resumed.id());
            });
        } catch (RuntimeException e) {
            if (!wasSubscribed) conn.session().unsubscribe(p.threadId());
            throw e;
        }
    }

    /** Loads a saved thread with its saved settings and subscribes {@code conn} (what revert needs). */
    private AgentThread loadSaved(JsonRpcConnection conn, String threadId) {
        ThreadSummary s = saved(threadId, "thread not loaded: ");
        conn.session().subscribe(threadId);
        try {
            return restore(store.load(s), threadId, s.forkedFromId(), false, true, conn, null, null, null, null, null,
                    null, null, null);
        } catch (IllegalStateException alreadyLoaded) {
            AgentThread t = threads.get(threadId);
            if (t == null) throw alreadyLoaded;
            return t;
        }
    }

    /**
     * thread/delete: the rollout, the index row and the history rows go; a loaded thread is unloaded first
     * (every client hears it become notLoaded), a running turn interrupted and waited for; then every client
     * hears {@code thread/deleted}.
     */
    Reply delete(JsonRpcConnection conn, ThreadIdParams p) {
        AgentThread t = threads.get(p.threadId());
        if (t != null && t.metadata().ephemeral()) {
            throw RpcException.invalidRequest("thread is not persisted and cannot be deleted: " + p.threadId());
        }
        ThreadSummary s = store.find(p.threadId());
        // A loaded thread with no turn yet has no rollout: unloading it is the whole deletion, as in Codex.
        if (s == null && t == null) throw RpcException.invalidRequest("no rollout found for thread id " + p.threadId());
        if (t != null) {
            // A turn that starts between the stop and the unload makes unload refuse: stopped again.
            for (int attempt = 0; !threads.unload(t.id()) && threads.get(t.id()) != null; attempt++) {
                if (attempt == 10) throw RpcException.invalidRequest("thread " + p.threadId() + " keeps starting turns; cannot delete it");
                ThreadHistoryHandler.stopRunningTurn(t);
            }
            conn.session().unsubscribe(p.threadId());
        }
        try {
            if (s != null) store.delete(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.then(EmptyResponse.INSTANCE, () -> threads.announce(new Event.ThreadDeleted(p.threadId())));
    }

    /**
     * thread/metadata/update: patches the thread's git info. Each key of {@code gitInfo} that is present is
     * applied (null clears it); the new info is recorded in the rollout (resume and listing read it back).
     */
    ThreadMetadataUpdateResponse updateMetadata(JsonRpcConnection conn, ThreadMetadataUpdateParams p) {
        String method = ClientRequests.THREAD_METADATA_UPDATE.name();
        if (p.gitInfo() == null) {
            throw RpcException.invalidParams("Invalid params for " + method + ": `gitInfo` is required (the only field to update)");
        }
        if (p.gitInfo().isEmpty()) {
            throw RpcException.invalidParams("Invalid params for " + method + ": `gitInfo` must include at least one of "
                    + "`sha`, `branch`, `originUrl`");
        }
        String[] keys = {"sha", "branch", "originUrl"};
        for (String k : p.gitInfo().keySet()) {
            if (!List.of(keys).contains(k)) {
                throw RpcException.invalidParams("Invalid params for " + method + ": `gitInfo." + k + "`: unknown field, "
                        + "expected `sha`, `branch` or `originUrl`");
            }
            Object v = p.gitInfo().get(k);
            if (v != null && !(v instanceof String)) {
                throw RpcException.invalidParams("Invalid params for " + method + ": `gitInfo." + k + "` must be a string or null");
            }
            if (v instanceof String str && str.isEmpty()) {
                throw RpcException.invalidParams("Invalid params for " + method + ": `gitInfo." + k + "` must not be empty");
            }
        }
        AgentThread t = threads.get(p.threadId());
        if (t != null && t.metadata().ephemeral()) {
            throw RpcException.invalidRequest("ephemeral thread does not support metadata updates: " + p.threadId());
        }
        ThreadSummary s = t == null ? saved(p.threadId(), "no rollout found for thread id ") : null;
        String[] old = t != null ? t.metadata().gitInfo()
                : s.gitSha() == null && s.gitBranch() == null && s.gitOriginUrl() == null ? null
                : new String[] {s.gitSha(), s.gitBranch(), s.gitOriginUrl()};
        String[] now = old == null ? new String[3] : old.clone();
        for (int i = 0; i < keys.length; i++) if (p.gitInfo().containsKey(keys[i])) now[i] = (String) p.gitInfo().get(keys[i]);
        if (t != null) t.metadata().setGitInfo(now);
        boolean written = recorder.recordGitInfo(p.threadId(), now[0], now[1], now[2]);
        if (t == null && !written) throw RpcException.invalidRequest("no rollout found for thread id " + p.threadId());
        if (t != null) return new ThreadMetadataUpdateResponse(ThreadView.thread(t, false));
        return new ThreadMetadataUpdateResponse(stored(store.find(p.threadId()), List.of()));
    }

    Reply fork(JsonRpcConnection conn, ThreadForkParams p) {
        AgentThread src = threads.get(p.threadId());
        ThreadSummary s = src != null && src.metadata().path() != null && Files.exists(Path.of(src.metadata().path()))
                ? store.find(p.threadId()) : null;
        if (src == null) s = saved(p.threadId(), "no rollout found for thread id ");
        boolean ephemeral = Boolean.TRUE.equals(p.ephemeral());
        String lastTurnId = p.lastTurnId();
        if (lastTurnId != null && src != null && src.activeTurn() != null && lastTurnId.equals(src.activeTurn().turnId())) {
            throw RpcException.invalidRequest("lastTurnId '" + lastTurnId + "' identifies an in-progress turn");
        }
        // A reverted turn is still in the rollout (a revert appends a marker): the rollout alone cannot refuse it.
        if (lastTurnId != null && s != null && (src != null ? src.turns().stream().noneMatch(r -> r.id().equals(lastTurnId))
                : store.history().turnById(s.id(), Path.of(s.path()), lastTurnId).isEmpty())) {
            throw RpcException.invalidRequest("turn not found: " + lastTurnId);
        }
        String newId = Ids.uuidV7();
        long now = System.currentTimeMillis();
        SavedThread saved;
        try {
            if (s == null) {
                saved = emptyFrom(src, lastTurnId); // nothing on disk to copy: no turn yet, or an ephemeral source
            } else if (ephemeral) {
                saved = store.loadThrough(s, lastTurnId);
            } else {
                saved = store.loadFile(store.copyForFork(s, newId, now, lastTurnId));
            }
        } catch (java.util.NoSuchElementException e) {
            throw RpcException.invalidRequest(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AgentThread t = restore(saved, newId, p.threadId(), ephemeral, false, conn, p.model(), p.modelProvider(), p.cwd(),
                p.approvalPolicy(), p.sandbox(), p.config(), p.baseInstructions(), p.developerInstructions());
        if (src != null && saved.summary().name() == null && src.metadata().name() != null) t.metadata().setName(src.metadata().name());
        conn.session().subscribe(t.id());
        AgentThread forked = t;
        boolean withTurns = !Boolean.TRUE.equals(p.excludeTurns());
        if (withTurns) deprecated(conn, t.metadata().historyMode(), DEPRECATED_RESUME);
        return Reply.then(response(t, withTurns), () -> {
            forked.announceRestoredUsage();
            threads.announceStarted(forked);
        });
    }

    private SavedThread emptyFrom(AgentThread src, String lastTurnId) {
        if (lastTurnId != null) {
            // Only the latest turn can be forked through here: memory keeps one history, not one per turn.
            List<TurnRecord> turns = src.turns();
            if (turns.stream().noneMatch(r -> r.id().equals(lastTurnId))) throw new java.util.NoSuchElementException("turn not found: " + lastTurnId);
            if (!turns.getLast().id().equals(lastTurnId)) {
                throw RpcException.invalidRequest("lastTurnId '" + lastTurnId + "' is not the latest turn of thread "
                        + src.id() + ", which has no rollout to cut (ephemeral): fork it without lastTurnId");
            }
        }
        ThreadSettings st = src.settings();
        ThreadMetadata m = src.metadata();
        ThreadSummary s = new ThreadSummary(m.id(), null, m.createdAt() * 1000, m.updatedAt() * 1000, st.cwd(), st.model(),
                st.modelProvider(), m.preview(), m.name(), false, m.source(), m.originator(), null, m.forkedFromId(), 0, 0, 0,
                m.historyMode(), git(m, 0), git(m, 1), git(m, 2), m.threadSource());
        return new SavedThread(s, List.of(), src.historySnapshot(), src.totalUsage(), st.approvalPolicy(),
                RolloutRecorder.sandboxMode(st.sandbox().type()), st.reasoningEffort(), Map.of());
    }

    private static String git(ThreadMetadata m, int i) {
        return m.gitInfo() == null ? null : m.gitInfo()[i];
    }

    /**
     * Loads {@code saved} as thread {@code id}: its last settings, with the request's overrides on top. An
     * explicit model, provider, {@code config.model} or {@code config.model_provider} means the saved model
     * and effort no longer apply (the config's defaults for that model do, as in Codex); the saved effort is
     * restored only on resume ({@code withEffort}), a fork starts at the config's effort as Codex's does.
     */
    private AgentThread restore(SavedThread saved, String id, String forkedFromId, boolean ephemeral, boolean withEffort,
                                JsonRpcConnection conn, String model, String provider, String cwd, AskForApproval approval,
                                SandboxMode sandbox, Map<String, Object> config, String baseInstructions,
                                String developerInstructions) {
        ThreadSummary s = saved.summary();
        String savedCwd = s.cwd() != null && !s.cwd().isEmpty() && Files.isDirectory(Path.of(s.cwd())) ? s.cwd() : null;
        boolean configProvider = config != null && config.containsKey("model_provider");
        boolean newModel = model != null || provider != null || configProvider || (config != null && config.containsKey("model"));
        boolean newEffort = newModel || (config != null && config.containsKey("model_reasoning_effort"));
        StartOptions o = new StartOptions(model != null ? model : newModel ? null : s.model(),
                provider != null ? provider : configProvider ? null : s.modelProvider(),
                cwd != null ? cwd : savedCwd, approval != null ? ThreadView.approval(approval) : saved.approvalPolicy(),
                sandbox != null ? ThreadHandler.sandboxMode(sandbox) : saved.sandboxMode(), config, baseInstructions,
                developerInstructions, ephemeral, s.originator() != null ? s.originator() : conn.session().originator(),
                s.source(), withEffort && !newEffort ? saved.reasoningEffort() : null);
        boolean fork = !id.equals(s.id()) || ephemeral;
        long createdAt = fork ? System.currentTimeMillis() / 1000 : s.createdAtMs() / 1000;
        ThreadMetadata meta = new ThreadMetadata(id, forkedFromId, createdAt, ephemeral, o.originator(),
                s.source() == null ? "vscode" : s.source());
        meta.setPreview(s.preview());
        meta.setName(s.name());
        meta.setHistoryMode(s.historyMode());
        if (!fork) meta.setThreadSource(s.threadSource());
        if (s.gitSha() != null || s.gitBranch() != null || s.gitOriginUrl() != null) {
            meta.setGitInfo(new String[] {s.gitSha(), s.gitBranch(), s.gitOriginUrl()});
        }
        if (!ephemeral && s.path() != null && !(fork && !Path.of(s.path()).getFileName().toString().contains(id))) {
            meta.setPath(s.path());
        }
        if (!fork) meta.setUpdatedAt(s.updatedAtMs() / 1000);
        List<TurnRecord> turns = saved.turns();
        return threads.restore(o, meta, saved.history(), turns, saved.usage(), saved.historyStarts());
    }

    private ThreadStartResponse response(AgentThread t, boolean withTurns) {
        return ThreadHandler.response(threads, t, withTurns);
    }

    Reply archive(JsonRpcConnection conn, ThreadIdParams p) {
        AgentThread t = threads.get(p.threadId());
        if (t != null && t.activeTurn() != null) {
            throw RpcException.invalidRequest("thread " + p.threadId() + " has a running turn; interrupt it before archiving");
        }
        ThreadSummary s = saved(p.threadId(), "no rollout found for thread id ");
        if (s.archived()) throw RpcException.invalidRequest("thread " + p.threadId() + " is already archived");
        if (t != null && !threads.unload(t.id())) {
            throw RpcException.invalidRequest("thread " + p.threadId() + " has a running turn; interrupt it before archiving");
        }
        try {
            store.archive(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.then(EmptyResponse.INSTANCE, () -> threads.announce(new Event.ThreadArchived(p.threadId())));
    }

    Reply unarchive(JsonRpcConnection conn, ThreadIdParams p) {
        ThreadSummary s = saved(p.threadId(), "no rollout found for thread id ");
        if (!s.archived()) throw RpcException.invalidRequest("thread " + p.threadId() + " is not archived");
        ThreadSummary moved;
        try {
            moved = store.unarchive(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.then(new ThreadUnarchiveResponse(stored(moved, List.of())),
                () -> threads.announce(new Event.ThreadUnarchived(p.threadId())));
    }

    Reply setName(JsonRpcConnection conn, ThreadSetNameParams p) {
        String name = p.name().strip();
        if (name.isEmpty()) throw RpcException.invalidParams("Invalid params for thread/name/set: `name` must not be empty");
        AgentThread t = threads.get(p.threadId());
        if (t != null) t.metadata().setName(name);
        boolean written = recorder.recordName(p.threadId(), name);
        if (t == null && !written) throw RpcException.invalidRequest("thread not found: " + p.threadId());
        return Reply.then(EmptyResponse.INSTANCE, () -> threads.announce(new Event.ThreadNameUpdated(p.threadId(), name)));
    }

    ThreadLoadedListResponse loadedList(JsonRpcConnection conn, ThreadLoadedListParams p) {
        List<String> ids = new ArrayList<>();
        for (AgentThread t : threads.loaded()) ids.add(t.id());
        ids.sort(Comparator.naturalOrder());
        int from = 0;
        if (p.cursor() != null) {
            while (from < ids.size() && ids.get(from).compareTo(p.cursor()) <= 0) from++;
        }
        int limit = p.limit() == null ? Integer.MAX_VALUE : Math.max(1, p.limit());
        int to = (int) Math.min(ids.size(), (long) from + limit);
        List<String> page = ids.subList(from, to);
        return new ThreadLoadedListResponse(List.copyOf(page), to < ids.size() ? page.getLast() : null);
    }

    ThreadUnsubscribeResponse unsubscribe(JsonRpcConnection conn, ThreadIdParams p) {
        if (threads.get(p.threadId()) == null) return new ThreadUnsubscribeResponse("notLoaded");
        if (!conn.session().unsubscribe(p.threadId())) return new ThreadUnsubscribeResponse("notSubscribed");
        requests.left(conn, p.threadId()); // its questions go on with the clients still following, if any
        return new ThreadUnsubscribeResponse("unsubscribed");
    }

    private ThreadSummary saved(String id, String message) {
        ThreadSummary s = store.find(id);
        if (s == null) throw RpcException.invalidRequest(message + id);
        return s;
    }

    /** A saved thread that is not loaded, as the wire shows it. */
    private static dev.jcodex.protocol.v2.Thread stored(ThreadSummary s, List<TurnRecord> turns) {
        List<Turn> wire = new ArrayList<>();
        for (TurnRecord r : turns) wire.add(ThreadView.turn(r));
        GitInfo git = s.gitSha() == null && s.gitBranch() == null && s.gitOriginUrl() == null ? null
                : new GitInfo(s.gitSha(), s.gitBranch(), s.gitOriginUrl());
        return new dev.jcodex.protocol.v2.Thread(s.id(), s.id(), s.forkedFromId(), null, s.preview(), false, null, null, null,
                ThreadView.historyMode(s.historyMode()), s.modelProvider(), s.model(), null, s.createdAtMs() / 1000,
                s.updatedAtMs() / 1000, s.updatedAtMs() / 1000, ThreadStatus.NOT_LOADED, s.path(), s.cwd(),
                s.cliVersion() != null ? s.cliVersion() : ThreadView.PROTOCOL_VERSION, s.originator(), s.source(),
                s.threadSource(), null, null, git, s.name(), wire);
    }
}
