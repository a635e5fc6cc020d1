package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each turn and each item of a rollout starts, so that a page of history costs reading the page's lines,
 * not the file. Kept in its own SQLite file next to the thread index ({@code jcodex_history_1.sqlite}); like
 * it, a cache that can be rebuilt from the rollouts at any time.
 *
 * <p>A rollout is scanned once, then only the bytes appended since ({@link #sync}): rows are keyed by ordinal
 * (turns and items numbered in file order), which never change as lines are appended, so cursors made of
 * ordinals stay valid while the thread grows. A revert is itself an appended line ({@code thread_rolled_back});
 * scanning it hides the reverted turns and their items instead of deleting them, so ordinals are never reused.
 * Only the scan looks at every line, and it parses only the lines that shape turns (model history lines, the
 * bulk of a long rollout, are recognised by their type and skipped unparsed).
 */
final class HistoryIndex implements AutoCloseable {
    static final String FILE_NAME = "jcodex_history_1.sqlite";
    private static final int SCHEMA_VERSION = 1;

    /** A turn's row: {@code status} null while no end line was seen. Times in epoch ms (null: not recorded). */
    record TurnRow(long ord, String turnId, String status, Long startedMs, Long completedMs, Long durationMs,
                   String errorMessage, String errorKind) {}

    /** An item's row: where its line is ({@code offset}, {@code length}) and what kind of item it is. */
    record ItemRow(long ord, long turnOrd, String turnId, String itemId, String kind, long offset, int length,
                   boolean legacy) {}

    private final Connection db;

    HistoryIndex(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version != SCHEMA_VERSION) {
                if (version > SCHEMA_VERSION) throw new SQLException("history index schema " + version + " is newer than this jcodex");
                s.execute("BEGIN IMMEDIATE");
                try {
                    s.execute("""
                            CREATE TABLE IF NOT EXISTS rollouts (thread_id TEXT PRIMARY KEY, path TEXT NOT NULL,
                              scanned INTEGER NOT NULL, next_turn INTEGER NOT NULL, next_item INTEGER NOT NULL,
                              open_turn INTEGER, last_ts_ms INTEGER)""");
                    s.execute("""
                            CREATE TABLE IF NOT EXISTS turns (thread_id TEXT NOT NULL, ord INTEGER NOT NULL,
                              turn_id TEXT NOT NULL, status TEXT, started_ms INTEGER, completed_ms INTEGER,
                              duration_ms INTEGER, error_message TEXT, error_kind TEXT, has_items INTEGER NOT NULL,
                              hidden INTEGER NOT NULL, PRIMARY KEY (thread_id, ord)) WITHOUT ROWID""");
                    s.execute("CREATE INDEX IF NOT EXISTS turns_by_id ON turns(thread_id, turn_id)");
                    s.execute("""
                            CREATE TABLE IF NOT EXISTS items (thread_id TEXT NOT NULL, ord INTEGER NOT NULL,
                              turn_ord INTEGER NOT NULL, turn_id TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL,
                              offset INTEGER NOT NULL, length INTEGER NOT NULL, legacy INTEGER NOT NULL,
                              hidden INTEGER NOT NULL, PRIMARY KEY (thread_id, ord)) WITHOUT ROWID""");
                    s.execute("CREATE INDEX IF NOT EXISTS items_by_turn ON items(thread_id, turn_ord, ord)");
                    s.execute("CREATE INDEX IF NOT EXISTS items_by_id ON items(thread_id, item_id)");
                    s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    // ---- scanning ----

    /** What a scan carries from one line to the next (and, through the rollouts row, from one sync to the next). */
    private static final class ScanState {
        long scanned;
        long nextTurn;
        long nextItem;
        Long openTurn;
        String openTurnId;
        /** What this scan knows of the open turn (null: unknown, it was opened by an earlier scan). */
        Boolean openHasLegacy, openHasItems;
        long lastTs = -1;
    }

    /**
     * Brings the rows of {@code threadId} up to date with {@code rollout}: reads only what was appended since
     * the last call (the whole file the first time, or when the file is not the one indexed: shorter than
     * what was scanned). Stops at the last complete line, so a line being written is read next time.
     */
    synchronized void sync(String threadId, Path rollout) throws IOException, SQLException {
        ScanState st = load(threadId);
        try (FileChannel ch = FileChannel.open(rollout, StandardOpenOption.READ)) {
            long size = ch.size();
            if (st != null && size < st.scanned) {
                forget(threadId);
                st = null;
            }
            if (st == null) {
                st = new ScanState();
            }
            if (st.scanned == size && exists(threadId)) {
                updatePath(threadId, rollout);
                return;
            }
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false);
            try {
                scan(threadId, ch, size, st);
                save(threadId, rollout, st);
                db.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(autoCommit);
            }
        }
    }

    private void scan(String threadId, FileChannel ch, long size, ScanState st) throws IOException, SQLException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        byte[] carry = new byte[0];
        long pos = st.scanned;
        long lineStart = st.scanned;
        try (Inserts ins = new Inserts(threadId)) {
            while (pos < size) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n <= 0) break;
                byte[] chunk = buf.array();
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') continue;
                    byte[] line;
                    if (carry.length > 0) {
                        line = new byte[carry.length + i - from];
                        System.arraycopy(carry, 0, line, 0, carry.length);
                        System.arraycopy(chunk, from, line, carry.length, i - from);
                        carry = new byte[0];
                        accept(ins, st, line, 0, line.length, lineStart);
                    } else {
                        accept(ins, st, chunk, from, i - from, lineStart);
                    }
                    lineStart = pos + i + 1;
                    from = i + 1;
                }
                if (from < n) { // a line continues in the next chunk
                    byte[] more = new byte[carry.length + n - from];
                    System.arraycopy(carry, 0, more, 0, carry.length);
                    System.arraycopy(chunk, from, more, carry.length, n - from);
                    carry = more;
                }
                pos += n;
            }
            st.scanned = lineStart; // an unterminated last line is read again next time
        }
    }

    private static final byte[] RESPONSE_ITEM = "\"type\":\"response_item\"".getBytes(StandardCharsets.US_ASCII);

    /** True when {@code needle} occurs in the first {@code within} bytes of the line. */
    private static boolean startsWithin(byte[] b, int off, int len, byte[] needle, int within) {
        int end = Math.min(len, within) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) if (b[off + i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    private void accept(Inserts ins, ScanState st, byte[] b, int off, int len, long lineOffset) throws SQLException {
        if (len == 0) return;
        // Model history: most of a long rollout's bytes, and nothing a page of turns needs.
        if (startsWithin(b, off, len, RESPONSE_ITEM, 120)) return;
        JsonNode line;
        try {
            line = Json.MAPPER.readTree(b, off, len);
        } catch (IOException e) {
            return; // a line cut by a crash, as RolloutReader skips it
        }
        if (line == null || !line.isObject()) return;
        long ts = RolloutReader.parseTs(line.path("timestamp").asText(null));
        if (ts >= 0) st.lastTs = ts;
        if (!"event_msg".equals(line.path("type").asText())) return;
        JsonNode p = line.path("payload");
        switch (p.path("type").asText("")) {
            case "task_started", "turn_started" -> {
                closeOpen(ins, st, "interrupted", null, null, null); // no end line: cut off, as the reader reads it
                long started = p.hasNonNull("started_at") ? p.get("started_at").asLong() * 1000 : ts;
                openTurn(ins, st, p.path("turn_id").asText(syntheticId(ins.threadId, lineOffset)), started >= 0 ? started : null);
            }
            case "item_completed" -> {
                JsonNode item = p.path("item");
                String kind = item.path("type").asText("");
                if (kind.isEmpty()) return;
                ensureTurn(ins, st, p.path("turn_id").asText(null), ts, lineOffset);
                if (!Boolean.FALSE.equals(st.openHasLegacy)) ins.hideLegacy(st.openTurn);
                st.openHasLegacy = false;
                ins.item(st.nextItem++, st.openTurn, st.openTurnId, item.path("id").asText(syntheticId(ins.threadId, lineOffset)),
                        kind, lineOffset, len, false, false);
                if (!Boolean.TRUE.equals(st.openHasItems)) ins.hasItems(st.openTurn);
                st.openHasItems = true;
            }
            case "user_message", "agent_message" -> {
                ensureTurn(ins, st, null, ts, lineOffset);
                boolean hidden = st.openHasItems != null ? st.openHasItems : ins.hasNonLegacy(st.openTurn);
                if (!hidden) st.openHasLegacy = true;
                ins.item(st.nextItem++, st.openTurn, st.openTurnId, syntheticId(ins.threadId, lineOffset),
                        p.path("type").asText().equals("user_message") ? "UserMessage" : "AgentMessage", lineOffset, len,
                        true, hidden);
            }
            case "error" -> {
                if (st.openTurn != null) ins.error(st.openTurn, p.path("message").asText(""), p.path("codex_error_info").asText("other"));
            }
            case "task_complete", "turn_complete" -> closeOpen(ins, st, "completed", p, ts, null);
            case "turn_aborted" -> closeOpen(ins, st, "interrupted", p, ts, null);
            case "thread_rolled_back" -> {
                closeOpen(ins, st, "interrupted", null, null, null);
                ins.rollBack(p.path("before_turn_id").asText(null), p.path("num_turns").asInt(0));
            }
            default -> { }
        }
    }

    /** A stable id for what the rollout gave none (legacy lines, a turn with no start line). */
    private static String syntheticId(String threadId, long offset) {
        return java.util.UUID.nameUUIDFromBytes((threadId + "@" + offset).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void openTurn(Inserts ins, ScanState st, String turnId, Long startedMs) throws SQLException {
        st.openTurn = st.nextTurn++;
        st.openTurnId = turnId;
        st.openHasLegacy = false;
        st.openHasItems = false;
        ins.turn(st.openTurn, turnId, startedMs);
    }

    private void ensureTurn(Inserts ins, ScanState st, String turnId, long ts, long lineOffset) throws SQLException {
        if (st.openTurn == null) openTurn(ins, st, turnId != null ? turnId : syntheticId(ins.threadId, lineOffset), ts >= 0 ? ts : null);
    }

    private void closeOpen(Inserts ins, ScanState st, String status, JsonNode end, Long ts, Object unused) throws SQLException {
        if (st.openTurn == null) return;
        Long completed = end != null && end.hasNonNull("completed_at") ? Long.valueOf(end.get("completed_at").asLong() * 1000) : ts;
        Long duration = end != null && end.hasNonNull("duration_ms") ? Long.valueOf(end.get("duration_ms").asLong()) : null;
        ins.close(st.openTurn, status, completed, duration);
        st.openTurn = null;
        st.openTurnId = null;
        st.openHasLegacy = null;
        st.openHasItems = null;
    }

    /** The statements of one scan, prepared once. */
    private final class Inserts implements AutoCloseable {
        final String threadId;
        final PreparedStatement turn, item, close, error, hideLegacy, hasNonLegacy, hasItems;

        Inserts(String threadId) throws SQLException {
            this.threadId = threadId;
            turn = db.prepareStatement("INSERT OR REPLACE INTO turns (thread_id, ord, turn_id, status, started_ms, "
                    + "has_items, hidden) VALUES (?, ?, ?, NULL, ?, 0, 0)");
            item = db.prepareStatement("INSERT OR REPLACE INTO items (thread_id, ord, turn_ord, turn_id, item_id, kind, "
                    + "offset, length, legacy, hidden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            close = db.prepareStatement("UPDATE turns SET status = CASE WHEN ? = 'completed' AND error_message IS NOT NULL "
                    + "THEN 'failed' ELSE ? END, completed_ms = ?, duration_ms = COALESCE(?, ? - started_ms) "
                    + "WHERE thread_id = ? AND ord = ?");
            error = db.prepareStatement("UPDATE turns SET error_message = ?, error_kind = ? WHERE thread_id = ? AND ord = ?");
            hideLegacy = db.prepareStatement("UPDATE items SET hidden = 1 WHERE thread_id = ? AND turn_ord = ? AND legacy = 1");
            hasNonLegacy = db.prepareStatement("SELECT has_items FROM turns WHERE thread_id = ? AND ord = ?");
            hasItems = db.prepareStatement("UPDATE turns SET has_items = 1 WHERE thread_id = ? AND ord = ? AND has_items = 0");
        }

        void turn(long ord, String turnId, Long startedMs) throws SQLException {
            turn.setString(1, threadId);
            turn.setLong(2, ord);
            turn.setString(3, turnId);
            setLong(turn, 4, startedMs);
            turn.executeUpdate();
        }

        void item(long ord, long turnOrd, String turnId, String itemId, String kind, long offset, int length, boolean legacy,
                  boolean hidden) throws SQLException {
            item.setString(1, threadId);
            item.setLong(2, ord);
            item.setLong(3, turnOrd);
            item.setString(4, turnId);
            item.setString(5, itemId);
            item.setString(6, kind);
            item.setLong(7, offset);
            item.setInt(8, length);
            item.setInt(9, legacy ? 1 : 0);
            item.setInt(10, hidden ? 1 : 0);
            item.executeUpdate();
        }

        void close(long ord, String status, Long completedMs, Long durationMs) throws SQLException {
            close.setString(1, status);
            close.setString(2, status);
            setLong(close, 3, completedMs);
            setLong(close, 4, durationMs);
            setLong(close, 5, completedMs);
            close.setString(6, threadId);
            close.setLong(7, ord);
            close.executeUpdate();
        }

        void error(long ord, String message, String kind) throws SQLException {
            error.setString(1, message);
            error.setString(2, kind);
            error.setString(3, threadId);
            error.setLong(4, ord);
            error.executeUpdate();
        }

        void hideLegacy(long turnOrd) throws SQLException {
            hideLegacy.setString(1, threadId);
            hideLegacy.setLong(2, turnOrd);
            hideLegacy.executeUpdate();
        }

        boolean hasNonLegacy(long turnOrd) throws SQLException {
            hasNonLegacy.setString(1, threadId);
            hasNonLegacy.setLong(2, turnOrd);
            try (ResultSet rs = hasNonLegacy.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }

        void hasItems(long turnOrd) throws SQLException {
            hasItems.setString(1, threadId);
            hasItems.setLong(2, turnOrd);
            hasItems.executeUpdate();
        }

        /**
         * Hides turn {@code beforeTurnId} and every later one (jcodex's marker), or, for a marker that only
         * counts ({@code num_turns}, as Codex writes it), the last {@code count} visible turns.
         */
        void rollBack(String beforeTurnId, int count) throws SQLException {
            Long from = null;
            if (beforeTurnId != null) {
                try (PreparedStatement ps = db.prepareStatement(
                        "SELECT ord FROM turns WHERE thread_id = ? AND turn_id = ? AND hidden = 0 ORDER BY ord LIMIT 1")) {
                    ps.setString(1, threadId);
                    ps.setString(2, beforeTurnId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) from = rs.getLong(1);
                    }
                }
            } else if (count > 0) {
                try (PreparedStatement ps = db.prepareStatement(
                        "SELECT ord FROM turns WHERE thread_id = ? AND hidden = 0 ORDER BY ord DESC LIMIT 1 OFFSET ?")) {
                    ps.setString(1, threadId);
                    ps.setInt(2, count - 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        from = rs.next() ? rs.getLong(1) : Long.valueOf(0);
                    }
                }
            }
            if (from == null) return;
            for (String table : new String[] {"turns", "items"}) {
                try (PreparedStatement ps = db.prepareStatement("UPDATE " + table + " SET hidden = 1 WHERE thread_id = ? AND "
                        + (table.equals("turns") ? "ord" : "turn_ord") + " >= ?")) {
                    ps.setString(1, threadId);
                    ps.setLong(2, from);
                    ps.executeUpdate();
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : List.of(turn, item, close, error, hideLegacy, hasNonLegacy, hasItems)) ps.close();
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, java.sql.Types.INTEGER);
        else ps.setLong(i, v);
    }

    private ScanState load(String threadId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT scanned, next_turn, next_item, open_turn, last_ts_ms FROM rollouts WHERE thread_id = ?")) {
            ps.setString(1, threadId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                ScanState st = new ScanState();
                st.scanned = rs.getLong(1);
                st.nextTurn = rs.getLong(2);
                st.nextItem = rs.getLong(3);
                long open = rs.getLong(4);
                if (!rs.wasNull()) {
                    st.openTurn = open;
                    st.openTurnId = turnIdAt(threadId, open);
                }
                long ts = rs.getLong(5);
                st.lastTs = rs.wasNull() ? -1 : ts;
                return st;
            }
        }
    }

    private String turnIdAt(String threadId, long ord) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT turn_id FROM turns WHERE thread_id = ? AND ord = ?")) {
            ps.setString(1, threadId);
            ps.setLong(2, ord);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean exists(String threadId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM rollouts WHERE thread_id = ?")) {
            ps.setString(1, threadId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void updatePath(String threadId, Path rollout) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("UPDATE rollouts SET path = ? WHERE thread_id = ? AND path <> ?")) {
            ps.setString(1, rollout.toString());
            ps.setString(2, threadId);
            ps.setString(3, rollout.toString());
            ps.executeUpdate();
        }
    }

    private void save(String threadId, Path rollout, ScanState st) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO rollouts (thread_id, path, scanned, next_turn, next_item, "
                + "open_turn, last_ts_ms) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(thread_id) DO UPDATE SET path = excluded.path, "
                + "scanned = excluded.scanned, next_turn = excluded.next_turn, next_item = excluded.next_item, "
                + "open_turn = excluded.open_turn, last_ts_ms = excluded.last_ts_ms")) {
            ps.setString(1, threadId);
            ps.setString(2, rollout.toString());
            ps.setLong(3, st.scanned);
            ps.setLong(4, st.nextTurn);
            ps.setLong(5, st.nextItem);
            setLong(ps, 6, st.openTurn);
            setLong(ps, 7, st.lastTs >= 0 ? st.lastTs : null);
            ps.executeUpdate();
        }
    }

    /** Drops every row of a thread (deleted, or its rollout is not the file that was indexed). */
    synchronized void forget(String threadId) throws SQLException {
        for (String table : new String[] {"rollouts", "turns", "items"}) {
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM " + table + " WHERE thread_id = ?")) {
                ps.setString(1, threadId);
                ps.executeUpdate();
            }
        }
    }

    // ---- queries (call sync first) ----

    /**
     * Up to {@code limit} visible turns from ordinal {@code from} (inclusive or not, per {@code inclusive}; null:
     * from the start in that direction), newest first when {@code desc}.
     */
    synchronized List<TurnRow> turns(String threadId, Long from, boolean inclusive, boolean desc, int limit) throws SQLException {
        String cmp = from == null ? "" : " AND ord " + (desc ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")) + " ?";
        try (PreparedStatement ps = db.prepareStatement("SELECT ord, turn_id, status, started_ms, completed_ms, duration_ms, "
                + "error_message, error_kind FROM turns WHERE thread_id = ? AND hidden = 0" + cmp + " ORDER BY ord "
                + (desc ? "DESC" : "ASC") + " LIMIT ?")) {
            int i = 1;
            ps.setString(i++, threadId);
            if (from != null) ps.setLong(i++, from);
            ps.setInt(i, limit);
            List<TurnRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(turnRow(rs));
            }
            return out;
        }
    }

    private static TurnRow turnRow(ResultSet rs) throws SQLException {
        return new TurnRow(rs.getLong(1), rs.getString(2), rs.getString(3), nullableLong(rs, 4), nullableLong(rs, 5),
                nullableLong(rs, 6), rs.getString(7), rs.getString(8));
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    /** The visible turn {@code turnId}, or null. */
    synchronized TurnRow turn(String threadId, String turnId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT ord, turn_id, status, started_ms, completed_ms, duration_ms, "
                + "error_message, error_kind FROM turns WHERE thread_id = ? AND turn_id = ? AND hidden = 0 ORDER BY ord LIMIT 1")) {
            ps.setString(1, threadId);
            ps.setString(2, turnId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? turnRow(rs) : null;
            }
        }
    }

    /** The visible items of the turns with ordinals {@code turnOrds}, in file order. */
    synchronized List<ItemRow> itemsOfTurns(String threadId, List<Long> turnOrds) throws SQLException {
        if (turnOrds.isEmpty()) return List.of();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < turnOrds.size(); i++) in.append(i == 0 ? "?" : ",?");
        try (PreparedStatement ps = db.prepareStatement(ITEM_SELECT + " WHERE thread_id = ? AND hidden = 0 AND turn_ord IN ("
                + in + ") ORDER BY ord")) {
            ps.setString(1, threadId);
            for (int i = 0; i < turnOrds.size(); i++) ps.setLong(i + 2, turnOrds.get(i));
            return itemRows(ps);
        }
    }

    private static final String ITEM_SELECT = "SELECT ord, turn_ord, turn_id, item_id, kind, offset, length, legacy FROM items";

    /**
     * Up to {@code limit} visible items (of turn {@code turnOrd} when not null) from ordinal {@code from}
     * (see {@link #turns}), newest first when {@code desc}.
     */
    synchronized List<ItemRow> items(String threadId, Long turnOrd, Long from, boolean inclusive, boolean desc, int limit)
            throws SQLException {
        String cmp = from == null ? "" : " AND ord " + (desc ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")) + " ?";
        try (PreparedStatement ps = db.prepareStatement(ITEM_SELECT + " WHERE thread_id = ? AND hidden = 0"
                + (turnOrd == null ? "" : " AND turn_ord = ?") + cmp + " ORDER BY ord " + (desc ? "DESC" : "ASC") + " LIMIT ?")) {
            int i = 1;
            ps.setString(i++, threadId);
            if (turnOrd != null) ps.setLong(i++, turnOrd);
            if (from != null) ps.setLong(i++, from);
            ps.setInt(i, limit);
            return itemRows(ps);
        }
    }

    /** The visible item {@code itemId} of turn {@code turnOrd}, or null. */
    synchronized ItemRow item(String threadId, long turnOrd, String itemId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(ITEM_SELECT
                + " WHERE thread_id = ? AND turn_ord = ? AND item_id = ? AND hidden = 0 ORDER BY ord LIMIT 1")) {
            ps.setString(1, threadId);
            ps.setLong(2, turnOrd);
            ps.setString(3, itemId);
            List<ItemRow> r = itemRows(ps);
            return r.isEmpty() ? null : r.getFirst();
        }
    }

    private static List<ItemRow> itemRows(PreparedStatement ps) throws SQLException {
        List<ItemRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ItemRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getInt(7), rs.getInt(8) == 1));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // a cache: nothing to save
        }
    }
}
