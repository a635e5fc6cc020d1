package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.events.WireItems;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Reply;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.persist.HistoryPages;
import dev.jcodex.core.persist.ThreadStore;
import dev.jcodex.core.persist.ThreadSummary;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.thread.TurnRecord;
import dev.jcodex.core.thread.TurnRunner;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paged history and revert: thread/turns/list, thread/items/list, thread/revert. Saved threads are paged
 * through the history index (see HistoryPages: a page reads its own lines, not the rollout); a thread with no
 * rollout (ephemeral, or no turn yet) is paged from memory, its positions being list indexes.
 */
public final class ThreadHistoryHandler {
    private static final int DEFAULT_TURNS = 25;
    private static final int MAX_TURNS = 500;
    private static final int DEFAULT_ITEMS = 200;
    private static final int MAX_ITEMS = 2000;
    /** How long revert waits for a running turn to stop after interrupting it. */
    private static final long INTERRUPT_WAIT_MS = 10_000;

    private final ThreadManager threads;
    private final ThreadStore store;

    public ThreadHistoryHandler(ThreadManager threads, ThreadStore store) {
        this.threads = threads;
        this.store = store;
    }

    public void register(Dispatcher d) {
        d.onAsync(ClientRequests.THREAD_TURNS_LIST, this::turns);
        d.onAsync(ClientRequests.THREAD_ITEMS_LIST, this::items);
        d.onAsync(ClientRequests.THREAD_REVERT, this::revert);
    }

    /** Where a thread's history is: its rollout (with the running turn's id, if any), or only memory. */
    private record Source(String threadId, Path rollout, AgentThread loaded, String activeTurnId) {}

    private Source source(String threadId) {
        AgentThread t = threads.get(threadId);
        if (t != null) {
            TurnRunner active = t.activeTurn();
            String path = t.metadata().path();
            Path rollout = path != null && !t.metadata().ephemeral() && Files.exists(Path.of(path)) ? Path.of(path) : null;
            return new Source(threadId, rollout, t, active == null ? null : active.turnId());
        }
        ThreadSummary s = store.find(threadId);
        if (s == null) throw RpcException.invalidRequest("thread not loaded: " + threadId);
        return new Source(threadId, Path.of(s.path()), null, null);
    }

    private static int limit(String method, Integer limit, int dflt, int max) {
        if (limit == null) return dflt;
        if (limit < 1) throw RpcException.invalidParams("Invalid params for " + method + ": `limit` must be at least 1");
        return Math.min(limit, max);
    }

    ThreadTurnsListResponse turns(JsonRpcConnection conn, ThreadTurnsListParams p) {
        String method = ClientRequests.THREAD_TURNS_LIST.name();
        int limit = limit(method, p.limit(), DEFAULT_TURNS, MAX_TURNS);
        boolean desc = p.sortDirection() != SortDirection.ASC; // newest first by default, as Codex
        TurnItemsView view = p.itemsView() == null ? TurnItemsView.SUMMARY : p.itemsView();
        Source src = source(p.threadId());
        HistoryCursor c = p.cursor() == null ? null : HistoryCursor.parse(method, p.cursor(), HistoryCursor.TURNS, p.threadId());
        if (c != null && c.byId()) c = c.at(turnPosition(method, src, c.turnId()));
        List<Long> ords = new ArrayList<>();
        List<Turn> data = new ArrayList<>();
        boolean more;
        if (src.rollout() != null) {
            List<HistoryPages.PagedTurn> page = store.history().turns(src.threadId(), src.rollout(),
                    c == null ? null : c.position(), c != null && c.inclusive(), desc, limit + 1, pagesView(view));
            more = page.size() > limit;
            for (HistoryPages.PagedTurn t : page.subList(0, Math.min(limit, page.size()))) {
                ords.add(t.ord());
                data.add(ThreadView.turn(settle(t, src.activeTurnId()), view));
            }
        } else {
            List<TurnRecord> all = src.loaded().turns();
            List<Integer> idx = window(all.size(), c, desc, limit + 1);
            more = idx.size() > limit;
            for (int i : idx.subList(0, Math.min(limit, idx.size()))) {
                ords.add((long) i);
                data.add(ThreadView.turn(inView(all.get(i), view), view));
            }
        }
        String next = more ? HistoryCursor.after(HistoryCursor.TURNS, p.threadId(), ords.getLast()) : null;
        String back = ords.isEmpty() ? null : HistoryCursor.at(HistoryCursor.TURNS, p.threadId(), ords.getFirst());
        return new ThreadTurnsListResponse(data, next, back);
    }

    private static HistoryPages.View pagesView(TurnItemsView v) {
        return switch (v) {
            case NOT_LOADED -> HistoryPages.View.NONE;
            case SUMMARY -> HistoryPages.View.SUMMARY;
            case FULL -> HistoryPages.View.FULL;
        };
    }

    /**
     * A turn the rollout has no end line for is running if it is the thread's active turn; otherwise it was
     * cut off (the process died), and reads as interrupted, as resume reads it.
     */
    private static TurnRecord settle(HistoryPages.PagedTurn t, String activeTurnId) {
        TurnRecord r = t.turn();
        if (!t.open() || r.id().equals(activeTurnId)) return r;
        return new TurnRecord(r.id(), r.items(), new TurnInfo(r.id(), TurnStatus.INTERRUPTED, null, List.of(), null, null, null));
    }

    /** An in-memory turn with only the items {@code view} includes. */
    private static TurnRecord inView(TurnRecord r, TurnItemsView view) {
        return switch (view) {
            case FULL -> r;
            case NOT_LOADED -> new TurnRecord(r.id(), List.of(), r.end());
            case SUMMARY -> {
                Item user = null, agent = null;
                for (Item i : r.items()) {
                    if (user == null && i instanceof Item.UserMessage) user = i;
                    if (i instanceof Item.AgentMessage) agent = i;
                }
                List<Item> items = new ArrayList<>();
                if (user != null) items.add(user);
                if (agent != null) items.add(agent);
                yield new TurnRecord(r.id(), items, r.end());
            }
        };
    }

    /** Indexes of a page over a list of {@code size} entries (the in-memory path). */
    private static List<Integer> window(int size, HistoryCursor c, boolean desc, int n) {
        List<Integer> out = new ArrayList<>();
        if (desc) {
            int from = c == null ? size - 1 : (int) Math.min(size - 1, c.inclusive() ? c.position() : c.position() - 1);
            for (int i = from; i >= 0 && out.size() < n; i--) out.add(i);
        } else {
            int from = c == null ? 0 : (int) (c.inclusive() ? c.position() : c.position() + 1);
            for (int i = Math.max(0, from); i < size && out.size() < n; i++) out.add(i);
        }
        return out;
    }

    ThreadItemsListResponse items(JsonRpcConnection conn, ThreadItemsListParams p) {
        String method = ClientRequests.THREAD_ITEMS_LIST.name();
        int limit = limit(method, p.limit(), DEFAULT_ITEMS, MAX_ITEMS);
        boolean desc = p.sortDirection() == SortDirection.DESC; // oldest first by default, as Codex
        String turnId = p.turnId() == null || p.turnId().isEmpty() ? null : p.turnId();
        Source src = source(p.threadId());
        HistoryCursor c = null;
        String anchorItem = null;
        switch (p.cursor()) {
            case null -> { }
            case String s -> {
                c = HistoryCursor.parse(method, s, HistoryCursor.ITEMS, p.threadId());
                if (c.byId()) c = c.at(itemPosition(method, src, c.turnId(), c.itemId()));
            }
            case Map<?, ?> m when "item".equals(m.get("type")) && m.get("itemId") instanceof String id -> {
                if (turnId == null) {
                    throw RpcException.invalidParams("Invalid params for " + method + ": `turnId` is required when `cursor` is an item anchor");
                }
                anchorItem = id;
            }
            default -> throw RpcException.invalidParams("Invalid params for " + method
                    + ": `cursor` must be a cursor string or {\"type\": \"item\", \"itemId\": ...}");
        }
        List<Long> ords = new ArrayList<>();
        List<ThreadItemEntry> data = new ArrayList<>();
        boolean more;
        if (src.rollout() != null) {
            if (anchorItem != null) {
                Long pos = store.history().itemPosition(src.threadId(), src.rollout(), turnId, anchorItem);
                if (pos == null) return new ThreadItemsListResponse(List.of(), null, null);
                c = new HistoryCursor(HistoryCursor.ITEMS, p.threadId(), pos, false);
            }
            List<HistoryPages.PagedItem> page = store.history().items(src.threadId(), src.rollout(), turnId,
                    c == null ? null : c.position(), c != null && c.inclusive(), desc, limit + 1);
            more = page.size() > limit;
            for (HistoryPages.PagedItem i : page.subList(0, Math.min(limit, page.size()))) {
                ords.add(i.ord());
                data.add(entry(i.turnId(), i.item()));
            }
        } else {
            List<String> owners = new ArrayList<>();
            List<Item> all = new ArrayList<>();
            for (TurnRecord r : src.loaded().turns()) {
                if (turnId != null && !r.id().equals(turnId)) continue;
                for (Item i : r.items()) {
                    owners.add(r.id());
                    all.add(i);
                }
            }
            if (anchorItem != null) {
                int at = -1;
                for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(anchorItem)) { at = i; break; }
                if (at < 0) return new ThreadItemsListResponse(List.of(), null, null);
                c = new HistoryCursor(HistoryCursor.ITEMS, p.threadId(), at, false);
            }
            List<Integer> idx = window(all.size(), c, desc, limit + 1);
            more = idx.size() > limit;
            for (int i : idx.subList(0, Math.min(limit, idx.size()))) {
                ords.add((long) i);
                data.add(entry(owners.get(i), all.get(i)));
            }
        }
        String next = more ? HistoryCursor.after(HistoryCursor.ITEMS, p.threadId(), ords.getLast()) : null;
        String back = ords.isEmpty() ? null : HistoryCursor.at(HistoryCursor.ITEMS, p.threadId(), ords.getFirst());
        return new ThreadItemsListResponse(data, next, back);
    }

    /** The position of turn {@code turnId}; -32602 when the thread has no such turn (any more). */
    private long turnPosition(String method, Source src, String turnId) {
        if (src.rollout() != null) {
            List<HistoryPages.PagedTurn> t = store.history().turnById(src.threadId(), src.rollout(), turnId);
            if (!t.isEmpty()) return t.getFirst().ord();
        } else {
            List<TurnRecord> all = src.loaded().turns();
            for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(turnId)) return i;
        }
        throw RpcException.invalidParams("Invalid params for " + method + ": `cursor` names turn " + turnId
                + ", which the thread no longer has (reverted)");
    }

    /** The position of item {@code itemId} of turn {@code turnId}; -32602 when there is no such item (any more). */
    private long itemPosition(String method, Source src, String turnId, String itemId) {
        if (src.rollout() != null) {
            Long pos = store.history().itemPosition(src.threadId(), src.rollout(), turnId, itemId);
            if (pos != null) return pos;
        } else {
            int i = 0;
            for (TurnRecord r : src.loaded().turns()) {
                for (Item it : r.items()) {
                    if (r.id().equals(turnId) && it.id().equals(itemId)) return i;
                    i++;
                }
            }
        }
        throw RpcException.invalidParams("Invalid params for " + method + ": `cursor` names item " + itemId
                + ", which the thread no longer has (reverted)");
    }

    private static ThreadItemEntry entry(String turnId, Item i) {
        return new ThreadItemEntry(turnId, WireItems.toWire(i), i.startedAtMs(), i.completedAtMs());
    }

    /**
     * The backwards cursors of a thread's last turn and last item (what thread/resume and thread/revert hand
     * out), or nulls when it has none.
     */
    String[] backwardsCursors(AgentThread t) {
        // Named by id from memory: resume and revert need no history index (building one for a long thread
        // costs a pass over its rollout); the index resolves the ids when the cursors are used.
        List<TurnRecord> turns = t.turns();
        if (turns.isEmpty()) return new String[2];
        String lastTurn = turns.getLast().id();
        String itemTurn = null, lastItem = null;
        for (int k = turns.size() - 1; k >= 0 && lastItem == null; k--) {
            List<Item> items = turns.get(k).items();
            if (!items.isEmpty()) {
                itemTurn = turns.get(k).id();
                lastItem = items.getLast().id();
            }
        }
        return new String[] {HistoryCursor.named(HistoryCursor.TURNS, t.id(), lastTurn, null),
                lastItem == null ? null : HistoryCursor.named(HistoryCursor.ITEMS, t.id(), itemTurn, lastItem)};
    }

    /**
     * thread/revert: a running turn is interrupted first (as Codex does) and waited for; then the turn and
     * every later one are dropped from the thread and from the model history, and a marker in the rollout
     * makes resume and paging agree. A saved thread that is not loaded is loaded for it (the cut needs its
     * model history) and stays loaded, as a resume would leave it.
     */
    Reply revert(JsonRpcConnection conn, ThreadRevertParams p) {
        AgentThread t = threads.get(p.threadId());
        if (t == null) t = loader.load(conn, p.threadId());
        stopRunningTurn(t);
        String firstBefore = t.readState().firstUnreadTurnId();
        try {
            t.revert(p.beforeTurnId());
        } catch (java.util.NoSuchElementException e) {
            throw RpcException.invalidRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw RpcException.invalidRequest(e.getMessage());
        }
        Event.ReadStateChanged readState = t.readState();
        String[] cursors = backwardsCursors(t);
        AgentThread reverted = t;
        return Reply.then(new ThreadRevertResponse(ThreadView.thread(t, false), cursors[0], cursors[1]), () -> {
            if (!java.util.Objects.equals(firstBefore, readState.firstUnreadTurnId())) threads.announce(readState);
            threads.announce(new Event.ThreadReverted(reverted.id()));
        });
    }

    /** Interrupts the thread's running turn and waits for its turn/completed; -32600 when it does not stop. */
    static void stopRunningTurn(AgentThread t) {
        try {
            if (!t.stopRunningTurn(INTERRUPT_WAIT_MS)) {
                throw RpcException.invalidRequest("thread " + t.id() + " still has a running turn after interrupting it");
            }
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            throw RpcException.invalidRequest("interrupted while waiting for the running turn of thread " + t.id() + " to stop");
        }
    }

    /** Loads a saved thread for a client (thread/resume's path), subscribing it. */
    public interface Loader {
        AgentThread load(JsonRpcConnection conn, String threadId);
    }

    private Loader loader = (conn, id) -> { throw RpcException.invalidRequest("thread not loaded: " + id); };

    public void setLoader(Loader loader) { this.loader = loader; }
}
