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
 *
 * <p>Schema versions ({@code PRAGMA user_version}): 0 is the first layout (rows keyed by {@code id}, no text
 * index); 1 gives each row a stable integer key ({@code rid}) and adds {@code threads_fts}, an FTS5 trigram
 * index over preview and name (new rows indexed by {@link #upsertAll} in one statement per batch, updates and
 * deletes by triggers), so {@code searchTerm} is a lookup instead of a scan.
 * A version-0 file is migrated in place (rows copied, the text index built from them), so no rollout has to
 * be re-read. 2 adds each thread's history mode and git info (columns added in place; a missing mode reads as
 * legacy, which is what every thread indexed before had).
 */
final class ThreadIndex implements AutoCloseable {
    static final String FILE_NAME = "jcodex_threads_1.sqlite";
    static final int SCHEMA_VERSION = 2;
    /**
     * Up to this many text matches, a search reads exactly the matching rows and sorts them; beyond it the
     * term is common, and walking the sort index until a page is full (checking each row) is cheaper: with M
     * matches spread over N threads a page of 25 is full after about 26 N / M rows. Counting the matches
     * costs about 2 us each, so the count stops here. Measured over 10,000 threads (docs/BENCHMARKS.md):
     * 512 cost common terms 1.2 ms more than the plain walk, 256 about 0.5 ms, 128 0.3 ms but 3 ms walks.
     */
    static final int DIRECT_HITS = 256;
    private static final String COLUMNS = "id, rollout_path, created_at_ms, updated_at_ms, cwd, model, model_provider, "
            + "preview, name, archived, source, originator, cli_version, forked_from_id, tokens_used, rollout_size, rollout_mtime_ms, "
            + "history_mode, git_sha, git_branch, git_origin_url, thread_source";
    private static final String TABLE = """
            CREATE TABLE %s (
              rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, rollout_path TEXT NOT NULL, created_at_ms INTEGER NOT NULL,
              updated_at_ms INTEGER NOT NULL, cwd TEXT NOT NULL, model TEXT, model_provider TEXT,
              preview TEXT NOT NULL, name TEXT, archived INTEGER NOT NULL, source TEXT NOT NULL,
              originator TEXT, cli_version TEXT, forked_from_id TEXT, tokens_used INTEGER NOT NULL,
              rollout_size INTEGER NOT NULL, rollout_mtime_ms INTEGER NOT NULL, history_mode TEXT, git_sha TEXT,
              git_branch TEXT, git_origin_url TEXT, thread_source TEXT)""";

    /**
     * An upsert, not INSERT OR REPLACE: a replace deletes the old row without running the delete trigger,
     * which would leave its text in threads_fts.
     */
    private static final String UPSERT = "INSERT INTO threads (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT(id) DO UPDATE SET " + String.join(", ", java.util.Arrays.stream(COLUMNS.split(", "))
                    .filter(c -> !c.equals("id")).map(c -> c + " = excluded." + c).toList());

    private final Connection db;

    ThreadIndex(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
        }
        try {
            migrate();
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Brings the file to {@link #SCHEMA_VERSION} in one transaction (another daemon may be doing the same). */
    private void migrate() throws SQLException {
        if (userVersion() == SCHEMA_VERSION) return;
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int version = userVersion();
                if (version > SCHEMA_VERSION) {
                    throw new SQLException("thread index schema " + version + " is newer than this jcodex (" + SCHEMA_VERSION + ")");
                }
                if (version == 1) {
                    // 2: the history contract and git info of each thread. Threads indexed by version 1 were made
                    // before jcodex recorded either (legacy, no git info), except rollouts of a Codex that does
                    // (0.17x): those are marked behind (size -1) so the next reconcile re-reads them once.
                    for (String c : new String[] {"history_mode", "git_sha", "git_branch", "git_origin_url", "thread_source"}) {
                        s.execute("ALTER TABLE threads ADD COLUMN " + c + " TEXT");
                    }
                    s.execute("UPDATE threads SET rollout_size = -1 WHERE cli_version >= '0.17' AND cli_version < '1'");
                }
                if (version == 0) {
                    boolean old = tableExists("threads");
                    s.execute(TABLE.formatted(old ? "threads_v1" : "threads"));
                    if (old) {
                        // Version 0 keyed rows by id only: SQLite may renumber such rowids (VACUUM), which an
                        // external-content text index cannot follow, so rows move to a table with a real key.
                        String v0 = COLUMNS.substring(0, COLUMNS.indexOf(", history_mode"));
                        s.execute("INSERT INTO threads_v1 (" + v0 + ") SELECT " + v0 + " FROM threads");
                        s.execute("DROP TABLE threads");
                        s.execute("ALTER TABLE threads_v1 RENAME TO threads");
                    }
                    s.execute("CREATE INDEX threads_by_created ON threads(archived, created_at_ms, id)");
                    s.execute("CREATE INDEX threads_by_updated ON threads(archived, updated_at_ms, id)");
                    // case_sensitive 0 folds case; the LIKE re-check in page() keeps LIKE's exact semantics.
                    s.execute("CREATE VIRTUAL TABLE threads_fts USING fts5(preview, name, content='threads', "
                            + "content_rowid='rid', tokenize='trigram case_sensitive 0')");
                    s.execute("INSERT INTO threads_fts(threads_fts) VALUES ('rebuild')");
                    // No insert trigger: FTS5 flushes its pending terms at every statement, so a trigger costs
                    // ~70 us a row where one INSERT ... SELECT per batch costs ~12 (upsertAll indexes new rows).
                    s.execute("""
                            CREATE TRIGGER threads_fts_delete AFTER DELETE ON threads BEGIN
                              INSERT INTO threads_fts(threads_fts, rowid, preview, name)
                                VALUES ('delete', old.rid, old.preview, old.name);
                            END""");
                    s.execute("""
                            CREATE TRIGGER threads_fts_update AFTER UPDATE OF preview, name ON threads
                            WHEN old.preview IS NOT new.preview OR old.name IS NOT new.name BEGIN
                              INSERT INTO threads_fts(threads_fts, rowid, preview, name)
                                VALUES ('delete', old.rid, old.preview, old.name);
                              INSERT INTO threads_fts(rowid, preview, name) VALUES (new.rid, new.preview, new.name);
                            END""");
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private int userVersion() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    synchronized void upsert(ThreadSummary t) throws SQLException {
        upsertAll(List.of(t));
    }

    synchronized void upsertAll(List<ThreadSummary> batch) throws SQLException {
        if (batch.isEmpty()) return;
        // One row per id (the last): a row inserted and then updated in the same batch would have its update
        // trigger remove text that the batch's final INSERT ... SELECT has not indexed yet.
        Map<String, ThreadSummary> byId = new java.util.LinkedHashMap<>();
        for (ThreadSummary t : batch) byId.put(t.id(), t);
        java.util.Collection<ThreadSummary> rows = byId.values();
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement(UPSERT);
             PreparedStatement indexNew = db.prepareStatement(
                     "INSERT INTO threads_fts(rowid, preview, name) SELECT rid, preview, name FROM threads WHERE rid > ?")) {
            // New rows get keys above the largest one (rid is the rowid, nothing is deleted meanwhile); the
            // triggers cover updates and deletes of rows already indexed.
            long lastKey = maxKey();
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
                ps.setString(i++, t.historyMode());
                ps.setString(i++, t.gitSha());
                ps.setString(i++, t.gitBranch());
                ps.setString(i++, t.gitOriginUrl());
                ps.setString(i++, t.threadSource());
                ps.addBatch();
            }
            ps.executeBatch();
            indexNew.setLong(1, lastKey);
            indexNew.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    private long maxKey() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(rid), 0) FROM threads")) {
            return rs.next() ? rs.getLong(1) : 0;
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
        Sql sql = pageQuery(q, fetch);
        try (PreparedStatement ps = sql.prepare(db)) {
            List<ThreadSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        }
    }

    /** SQLite's plan for {@link #page}, one step per line (tests check that a rare term is a lookup). */
    synchronized String plan(ListQuery q, int fetch) throws SQLException {
        Sql sql = pageQuery(q, fetch);
        Sql explain = new Sql("EXPLAIN QUERY PLAN " + sql.text(), sql.args());
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = explain.prepare(db); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.append(rs.getString("detail")).append('\n');
        }
        return out.toString();
    }

    private record Sql(String text, List<Object> args) {
        PreparedStatement prepare(Connection db) throws SQLException {
            PreparedStatement ps = db.prepareStatement(text);
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            return ps;
        }
    }

    private Sql pageQuery(ListQuery q, int fetch) throws SQLException {
        String key = q.sortByUpdated() ? "updated_at_ms" : "created_at_ms";
        String cmp = q.ascending() ? ">" : "<";
        String dir = q.ascending() ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM threads WHERE archived = ? AND preview <> ''");
        List<Object> args = new ArrayList<>();
        args.add(q.archived() ? 1 : 0);
        in(sql, args, "cwd", q.cwds());
        in(sql, args, "model_provider", q.modelProviders());
        in(sql, args, "source", q.sourceKinds());
        String term = q.searchTerm();
        if (term != null && !term.isBlank()) {
            List<Long> hits = term.codePointCount(0, term.length()) >= 3 ? textMatches(term, DIRECT_HITS + 1) : null;
            if (hits != null && hits.size() <= DIRECT_HITS) {
                // Few matches: read exactly those rows (the hit list drives the join) and sort them.
                sql.replace(0, sql.indexOf(" WHERE "), "SELECT " + COLUMNS
                        + " FROM (SELECT value AS hit FROM json_each(?)) AS hits CROSS JOIN threads ON threads.rid = hits.hit");
                args.addFirst(json(hits));
            }
            // Always re-checked with LIKE (ASCII case folding, as before the text index): the trigram index
            // folds all of Unicode, so its matches are a superset and the page is exactly what LIKE selects.
            // Terms under three characters have no trigram and take this path alone (a walk of the sort index).
            String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
        return new Sql(sql.toString(), args);
    }

    /** Row keys whose preview or name contains {@code term} (case folded), at most {@code max}. */
    private List<Long> textMatches(String term, int max) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT rowid FROM threads_fts WHERE threads_fts MATCH ? LIMIT ?")) {
            ps.setString(1, '"' + term.replace("\"", "\"\"") + '"'); // one phrase: the term as a substring
            ps.setInt(2, max);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        }
    }

    private static String json(List<Long> ids) {
        StringBuilder b = new StringBuilder("[");
        for (Long id : ids) b.append(b.length() == 1 ? "" : ",").append(id);
        return b.append(']').toString();
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values == null || values.isEmpty()) return;
        sql.append(" AND ").append(column).append(" IN (").append("?,".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    private static ThreadSummary row(ResultSet rs) throws SQLException {
        return new ThreadSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10) != 0, rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getLong(15), rs.getLong(16), rs.getLong(17),
                rs.getString(18) == null ? ThreadSummary.LEGACY : rs.getString(18), rs.getString(19), rs.getString(20),
                rs.getString(21), rs.getString(22));
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
