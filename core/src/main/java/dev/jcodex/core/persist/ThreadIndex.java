package dev.jcodex.core.persist;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQLite index of saved threads, so listing never parses rollouts. It is a cache: every row can be
 * rebuilt from its rollout, and {@link ThreadStore} does so when a row is missing or behind. One connection,
 * WAL journal, serialized by this object's monitor (writes are a few per turn).
 */
final class ThreadIndex implements AutoCloseable {
    static final String FILE_NAME = "jcodex_threads_1.sqlite";
    private static final String COLUMNS = "id, rollout_path, created_at_ms, updated_at_ms, cwd, model, model_provider, "
            + "preview, name, archived, source, originator, cli_version, forked_from_id, tokens_used, rollout_size, rollout_mtime_ms";

    private final Connection db;

    ThreadIndex(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS threads (
                      id TEXT PRIMARY KEY, rollout_path TEXT NOT NULL, created_at_ms INTEGER NOT NULL,
                      updated_at_ms INTEGER NOT NULL, cwd TEXT NOT NULL, model TEXT, model_provider TEXT,
                      preview TEXT NOT NULL, name TEXT, archived INTEGER NOT NULL, source TEXT NOT NULL,
                      originator TEXT, cli_version TEXT, forked_from_id TEXT, tokens_used INTEGER NOT NULL,
                      rollout_size INTEGER NOT NULL, rollout_mtime_ms INTEGER NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS threads_by_created ON threads(archived, created_at_ms, id)");
            s.execute("CREATE INDEX IF NOT EXISTS threads_by_updated ON threads(archived, updated_at_ms, id)");
        }
    }

    synchronized void upsert(ThreadSummary t) throws SQLException {
        upsertAll(List.of(t));
    }

    synchronized void upsertAll(List<ThreadSummary> rows) throws SQLException {
        if (rows.isEmpty()) return;
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO threads (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (ThreadSummary t : rows) {
                int i = 1;
                ps.setString(i++, t.id());
                ps.setString(i++, t.path());
                ps.setLong(i++, t.createdAtMs());
                ps.setLong(i++, t.updatedAtMs());
                ps.setString(i++, t.cwd() == null ? "" : t.cwd());
                ps.setString(i++, t.model());
                ps.setString(i++, t.modelProvider());
                ps.setString(i++, t.preview() == null ? "" : t.preview());
                ps.setString(i++, t.name());
                ps.setInt(i++, t.archived() ? 1 : 0);
                ps.setString(i++, t.source() == null ? "vscode" : t.source());
                ps.setString(i++, t.originator());
                ps.setString(i++, t.cliVersion());
                ps.setString(i++, t.forkedFromId());
                ps.setLong(i++, t.tokensUsed());
                ps.setLong(i++, t.rolloutSize());
                ps.setLong(i++, t.rolloutMtimeMs());
                ps.addBatch();
            }
            ps.executeBatch();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    synchronized void delete(List<String> ids) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM threads WHERE id = ?")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    synchronized ThreadSummary get(String id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + COLUMNS + " FROM threads WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    /** id → (path, size, mtime) of every row: what reconciling with the files on disk compares. */
    synchronized Map<String, ThreadSummary> all() throws SQLException {
        Map<String, ThreadSummary> out = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM threads")) {
            while (rs.next()) {
                ThreadSummary t = row(rs);
                out.put(t.id(), t);
            }
        }
        return out;
    }

    /** One page, keyset-paged on (sort key, id): cost grows with the page, not with the number of threads. */
    synchronized List<ThreadSummary> page(ListQuery q, int fetch) throws SQLException {
        String key = q.sortByUpdated() ? "updated_at_ms" : "created_at_ms";
        String cmp = q.ascending() ? ">" : "<";
        String dir = q.ascending() ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM threads WHERE archived = ? AND preview <> ''");
        List<Object> args = new ArrayList<>();
        args.add(q.archived() ? 1 : 0);
        in(sql, args, "cwd", q.cwds());
        in(sql, args, "model_provider", q.modelProviders());
        in(sql, args, "source", q.sourceKinds());
        if (q.searchTerm() != null && !q.searchTerm().isBlank()) {
            String like = "%" + q.searchTerm().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (preview LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
        }
        if (q.afterKey() != null) {
            // A row value comparison lets SQLite seek the (archived, key, id) index instead of scanning.
            sql.append(" AND (").append(key).append(", id) ").append(cmp).append(" (?, ?)");
            args.add(q.afterKey());
            args.add(q.afterId());
        }
        sql.append(" ORDER BY ").append(key).append(' ').append(dir).append(", id ").append(dir).append(" LIMIT ?");
        args.add(fetch);
        try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<ThreadSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        }
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values == null || values.isEmpty()) return;
        sql.append(" AND ").append(column).append(" IN (").append("?,".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    private static ThreadSummary row(ResultSet rs) throws SQLException {
        return new ThreadSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10) != 0, rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getLong(15), rs.getLong(16), rs.getLong(17));
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing at exit
        }
    }
}
