package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.event.TurnFailure;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.thread.TurnRecord;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of a saved thread's history, read through {@link HistoryIndex}: each call first brings the index up to
 * date with what was appended to the rollout, then reads only the lines of the entries it returns. Positions
 * ({@code ord}) are the index's ordinals, stable while the thread grows; callers make cursors of them.
 */
public final class HistoryPages {
    /** How much of each turn's items to read. */
    public enum View { NONE, SUMMARY, FULL }

    /** A turn at position {@code ord}; {@code open} when the rollout has no end line for it (yet). */
    public record PagedTurn(long ord, TurnRecord turn, boolean open) {}

    /** An item at position {@code ord} and the turn it belongs to. */
    public record PagedItem(long ord, String turnId, Item item) {}

    private final Path indexFile;
    private volatile HistoryIndex index;

    HistoryPages(Path indexFile) { this.indexFile = indexFile; }

    private HistoryIndex index() {
        HistoryIndex i = index;
        if (i != null) return i;
        synchronized (this) {
            if (index == null) index = open(indexFile);
            return index;
        }
    }

    /** A damaged file is only a cache: deleted and built again. */
    private static HistoryIndex open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new HistoryIndex(file);
        } catch (SQLException | IOException first) {
            System.err.println("jcodex: history index unusable (" + first.getMessage() + "); rebuilding it");
            try {
                for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                return new HistoryIndex(file);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot open the history index " + file, e);
            }
        }
    }

    private HistoryIndex synced(String threadId, Path rollout) {
        HistoryIndex i = index();
        try {
            i.sync(threadId, rollout);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing rollout " + rollout, e);
        } catch (SQLException e) {
            throw new IllegalStateException("history index update failed: " + e.getMessage(), e);
        }
        return i;
    }

    /**
     * Up to {@code limit} turns starting at position {@code from} (null: the newest when {@code desc}, else the
     * oldest), with their items per {@code view}. The summary of a turn is its first user message and its
     * last agent message, as Codex's.
     */
    public List<PagedTurn> turns(String threadId, Path rollout, Long from, boolean inclusive, boolean desc, int limit, View view) {
        HistoryIndex i = synced(threadId, rollout);
        try {
            List<HistoryIndex.TurnRow> rows = i.turns(threadId, from, inclusive, desc, limit);
            Map<Long, List<HistoryIndex.ItemRow>> byTurn = new HashMap<>();
            if (view != View.NONE && !rows.isEmpty()) {
                for (HistoryIndex.ItemRow r : i.itemsOfTurns(threadId, rows.stream().map(HistoryIndex.TurnRow::ord).toList())) {
                    byTurn.computeIfAbsent(r.turnOrd(), k -> new ArrayList<>()).add(r);
                }
            }
            List<PagedTurn> out = new ArrayList<>();
            try (Lines lines = new Lines(rollout)) {
                for (HistoryIndex.TurnRow t : rows) {
                    List<HistoryIndex.ItemRow> items = byTurn.getOrDefault(t.ord(), List.of());
                    if (view == View.SUMMARY) items = summary(items);
                    List<Item> decoded = new ArrayList<>();
                    for (HistoryIndex.ItemRow r : items) {
                        Item it = lines.item(r);
                        if (it != null) decoded.add(it);
                    }
                    out.add(new PagedTurn(t.ord(), record(t, decoded, lastAgentMessage(lines, byTurn.get(t.ord()), decoded)),
                            t.status() == null));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("history index query failed: " + e.getMessage(), e);
        }
    }

    private static List<HistoryIndex.ItemRow> summary(List<HistoryIndex.ItemRow> items) {
        HistoryIndex.ItemRow user = null, agent = null;
        for (HistoryIndex.ItemRow r : items) {
            if (user == null && r.kind().equals("UserMessage")) user = r;
            if (r.kind().equals("AgentMessage")) agent = r;
        }
        List<HistoryIndex.ItemRow> out = new ArrayList<>();
        if (user != null) out.add(user);
        if (agent != null) out.add(agent);
        return out;
    }

    /** The turn's last agent message (what a turn's end names), read only when the page did not already. */
    private static Item lastAgentMessage(Lines lines, List<HistoryIndex.ItemRow> all, List<Item> decoded) {
        for (int k = decoded.size() - 1; k >= 0; k--) if (decoded.get(k) instanceof Item.AgentMessage) return decoded.get(k);
        if (all == null) return null;
        for (int k = all.size() - 1; k >= 0; k--) if (all.get(k).kind().equals("AgentMessage")) return lines.item(all.get(k));
        return null;
    }

    private static TurnRecord record(HistoryIndex.TurnRow t, List<Item> items, Item lastAgent) {
        if (t.status() == null) return new TurnRecord(t.turnId(), items, null);
        TurnStatus status = switch (t.status()) {
            case "completed" -> TurnStatus.COMPLETED;
            case "failed" -> TurnStatus.FAILED;
            default -> TurnStatus.INTERRUPTED;
        };
        TurnFailure failure = status == TurnStatus.FAILED ? new TurnFailure(t.errorMessage(), t.errorKind(), null, null) : null;
        TurnInfo end = new TurnInfo(t.turnId(), status, failure, lastAgent == null ? List.of() : List.of(lastAgent),
                t.startedMs() == null ? null : t.startedMs() / 1000, t.completedMs() == null ? null : t.completedMs() / 1000,
                t.durationMs());
        return new TurnRecord(t.turnId(), items, end);
    }

    /**
     * Up to {@code limit} items (of turn {@code turnId} when not null; none when it has no such turn) from
     * position {@code from}, newest first when {@code desc}.
     */
    public List<PagedItem> items(String threadId, Path rollout, String turnId, Long from, boolean inclusive, boolean desc,
                                 int limit) {
        HistoryIndex i = synced(threadId, rollout);
        try {
            Long turnOrd = null;
            if (turnId != null) {
                HistoryIndex.TurnRow t = i.turn(threadId, turnId);
                if (t == null) return List.of();
                turnOrd = t.ord();
            }
            List<PagedItem> out = new ArrayList<>();
            try (Lines lines = new Lines(rollout)) {
                for (HistoryIndex.ItemRow r : i.items(threadId, turnOrd, from, inclusive, desc, limit)) {
                    Item it = lines.item(r);
                    if (it != null) out.add(new PagedItem(r.ord(), r.turnId(), it));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("history index query failed: " + e.getMessage(), e);
        }
    }

    /** Turn {@code turnId} (with no items), or an empty list when the thread has no such visible turn. */
    public List<PagedTurn> turnById(String threadId, Path rollout, String turnId) {
        HistoryIndex i = synced(threadId, rollout);
        try {
            HistoryIndex.TurnRow t = i.turn(threadId, turnId);
            return t == null ? List.of() : List.of(new PagedTurn(t.ord(), record(t, List.of(), null), t.status() == null));
        } catch (SQLException e) {
            throw new IllegalStateException("history index query failed: " + e.getMessage(), e);
        }
    }

    /** The position of item {@code itemId} of turn {@code turnId}, or null when there is no such item. */
    public Long itemPosition(String threadId, Path rollout, String turnId, String itemId) {
        HistoryIndex i = synced(threadId, rollout);
        try {
            HistoryIndex.TurnRow t = i.turn(threadId, turnId);
            if (t == null) return null;
            HistoryIndex.ItemRow r = i.item(threadId, t.ord(), itemId);
            return r == null ? null : r.ord();
        } catch (SQLException e) {
            throw new IllegalStateException("history index query failed: " + e.getMessage(), e);
        }
    }

    /** Forgets a thread (its rollout was deleted). */
    public void forget(String threadId) {
        try {
            index().forget(threadId);
        } catch (SQLException e) {
            System.err.println("jcodex: history index update failed for " + threadId + ": " + e.getMessage());
        }
    }

    void close() {
        HistoryIndex i = index;
        if (i != null) i.close();
    }

    /** Reads single lines of one rollout by position. */
    private static final class Lines implements AutoCloseable {
        private final FileChannel ch;

        Lines(Path rollout) {
            try {
                ch = FileChannel.open(rollout, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("reading rollout " + rollout, e);
            }
        }

        Item item(HistoryIndex.ItemRow r) {
            ByteBuffer buf = ByteBuffer.allocate(r.length());
            try {
                while (buf.hasRemaining()) {
                    if (ch.read(buf, r.offset() + buf.position()) < 0) return null;
                }
                JsonNode line = Json.MAPPER.readTree(buf.array());
                long ts = RolloutReader.parseTs(line.path("timestamp").asText(null));
                JsonNode p = line.path("payload");
                return switch (p.path("type").asText("")) {
                    case "item_completed" -> ItemCodec.decode(p.path("item"), p.path("started_at_ms").asLong(ts),
                            p.hasNonNull("completed_at_ms") ? p.get("completed_at_ms").asLong() : ts);
                    case "user_message" -> new Item.UserMessage(r.itemId(), List.of(new InputPart.Text(p.path("message").asText(""))), ts, ts);
                    case "agent_message" -> new Item.AgentMessage(r.itemId(), p.path("message").asText(""), null, ts, ts);
                    default -> null;
                };
            } catch (IOException e) {
                return null; // the file changed under the index: the next sync sees it
            }
        }

        @Override
        public void close() {
            try {
                ch.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
