package dev.jcodex.core.persist;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thread index on a real SQLite file: the text index, its search semantics, and the version-0 migration. */
class ThreadIndexTest {
    @TempDir Path dir;

    /** The first layout, exactly as jcodex created it before the text index. */
    private static final String V0_TABLE = """
            CREATE TABLE threads (
              id TEXT PRIMARY KEY, rollout_path TEXT NOT NULL, created_at_ms INTEGER NOT NULL,
              updated_at_ms INTEGER NOT NULL, cwd TEXT NOT NULL, model TEXT, model_provider TEXT,
              preview TEXT NOT NULL, name TEXT, archived INTEGER NOT NULL, source TEXT NOT NULL,
              originator TEXT, cli_version TEXT, forked_from_id TEXT, tokens_used INTEGER NOT NULL,
              rollout_size INTEGER NOT NULL, rollout_mtime_ms INTEGER NOT NULL)""";

    private static ThreadSummary row(int i, String preview, String name) {
        return new ThreadSummary(String.format("01900000-0000-7000-8000-%012d", i), "/r/" + i, 1_000_000L + i * 1000L,
                2_000_000L - i, "/work", "m", i % 2 == 0 ? "alpha" : "beta", preview, name, false, "vscode", "test",
                "0.169.0", null, 0, 10, 10, ThreadSummary.LEGACY, null, null, null, null);
    }

    private static ListQuery search(String term, boolean byUpdated, Long afterKey, String afterId, int limit) {
        return new ListQuery(false, byUpdated, false, null, null, List.of("vscode"), term, afterKey, afterId, limit);
    }

    /** What thread/list selected before the text index: LIKE, i.e. a substring match folding ASCII case only. */
    private static boolean likeMatches(ThreadSummary t, String term) {
        return asciiLower(t.preview()).contains(asciiLower(term)) || (t.name() != null && asciiLower(t.name()).contains(asciiLower(term)));
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        return b.toString();
    }

    @Test
    void searchSelectsExactlyWhatLikeSelectedOnEveryPathAndPage() throws Exception {
        List<ThreadSummary> rows = new ArrayList<>();
        String[] words = {"apple", "Apple pie", "APPLE", "école", "ÉCOLE", "100% done", "done_ok", "back\\slash",
                "say \"hi\"", "percent%sign", "under_score", "tart", "zebra"};
        for (int i = 0; i < 1400; i++) {
            // "common" is in every 2nd row: more matches than DIRECT_HITS, so that term walks the sort index.
            String preview = "prompt " + i + " " + words[i % words.length] + (i % 2 == 0 ? " common" : "");
            rows.add(row(i, preview, i % 7 == 0 ? "Named " + words[(i / 7) % words.length] : null));
        }
        try (ThreadIndex index = new ThreadIndex(dir.resolve("index.sqlite"))) {
            index.upsertAll(rows);
            List<String> terms = List.of("apple", "APPLE", "pie", "école", "ÉCOLE", "cole", "100%", "%", "_", "done_ok",
                    "e_o", "\\", "back\\slash", "\"hi\"", "\"", "percent%sign", "tart", "named", "NAMED TART", "prompt 1",
                    "prompt 13", "prompt 1399", "common", "co", "p", "no such text", "zebra common", "mmo");
            for (String term : terms) {
                for (boolean byUpdated : new boolean[] {false, true}) {
                    List<ThreadSummary> expected = rows.stream().filter(t -> likeMatches(t, term))
                            .sorted(Comparator.comparingLong((ThreadSummary t) -> byUpdated ? t.updatedAtMs() : t.createdAtMs())
                                    .thenComparing(ThreadSummary::id).reversed())
                            .toList();
                    List<String> got = new ArrayList<>();
                    Long afterKey = null;
                    String afterId = null;
                    for (int pages = 0; pages < 200; pages++) {
                        List<ThreadSummary> page = index.page(search(term, byUpdated, afterKey, afterId, 100), 101);
                        for (ThreadSummary t : page.subList(0, Math.min(100, page.size()))) got.add(t.id());
                        if (page.size() <= 100) break;
                        ThreadSummary last = page.get(99);
                        afterKey = byUpdated ? last.updatedAtMs() : last.createdAtMs();
                        afterId = last.id();
                    }
                    assertEquals(expected.stream().map(ThreadSummary::id).toList(), got,
                            "term " + term + (byUpdated ? " by updated_at" : " by created_at"));
                }
            }
            assertTrue(rows.stream().filter(t -> likeMatches(t, "common")).count() > ThreadIndex.DIRECT_HITS);
        }
    }

    @Test
    void aRareTermReadsOnlyItsMatchesAndACommonOneWalksTheSortIndex() throws Exception {
        List<ThreadSummary> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) rows.add(row(i, "benchmark prompt " + i, null));
        try (ThreadIndex index = new ThreadIndex(dir.resolve("index.sqlite"))) {
            index.upsertAll(rows);
            String rare = index.plan(search("prompt 1234", false, null, null, 25), 26);
            assertTrue(rare.contains("json_each") && rare.contains("threads USING INTEGER PRIMARY KEY"), rare);
            assertFalse(rare.contains("threads_by_created"), rare);
            assertEquals(1, index.page(search("prompt 1234", false, null, null, 25), 26).size());
            String common = index.plan(search("benchmark", false, null, null, 25), 26);
            assertTrue(common.contains("threads_by_created"), common);
            assertEquals(26, index.page(search("benchmark", false, null, null, 25), 26).size());
        }
    }

    @Test
    void renamesAndDeletesKeepTheTextIndexInStep() throws Exception {
        try (ThreadIndex index = new ThreadIndex(dir.resolve("index.sqlite"))) {
            ThreadSummary t = row(1, "first prompt", "Old name");
            index.upsert(t);
            assertEquals(1, index.page(search("old name", false, null, null, 10), 11).size());
            index.upsert(new ThreadSummary(t.id(), t.path(), t.createdAtMs(), t.updatedAtMs() + 5, t.cwd(), t.model(),
                    t.modelProvider(), t.preview(), "Brand new", false, t.source(), t.originator(), t.cliVersion(), null, 0, 20, 20,
                    t.historyMode(), null, null, null, null));
            assertEquals(0, index.page(search("old name", false, null, null, 10), 11).size());
            assertEquals(1, index.page(search("brand new", false, null, null, 10), 11).size());
            assertEquals("Brand new", index.get(t.id()).name());
            // The same thread twice in one batch (two files with one id): indexed once, with the last text.
            ThreadSummary other = row(2, "second prompt", null);
            index.upsertAll(List.of(other, new ThreadSummary(other.id(), other.path(), other.createdAtMs(), other.updatedAtMs(),
                    other.cwd(), other.model(), other.modelProvider(), "second prompt, edited", "Twice", false, other.source(),
                    other.originator(), other.cliVersion(), null, 0, 30, 30, other.historyMode(), null, null, null, null)));
            assertEquals(1, index.page(search("edited", false, null, null, 10), 11).size());
            assertEquals(1, index.page(search("twice", false, null, null, 10), 11).size());
            assertEquals("ok", integrity(dir.resolve("index.sqlite")));
            index.delete(List.of(t.id()));
            assertEquals(0, index.page(search("brand new", false, null, null, 10), 11).size());
            assertEquals(0, index.page(search("first prompt", false, null, null, 10), 11).size());
            assertEquals("ok", integrity(dir.resolve("index.sqlite")));
        }
    }

    @Test
    void aVersionZeroFileIsMigratedInPlaceWithItsRows() throws Exception {
        Path file = dir.resolve(ThreadIndex.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute(V0_TABLE);
            s.execute("CREATE INDEX threads_by_created ON threads(archived, created_at_ms, id)");
            s.execute("CREATE INDEX threads_by_updated ON threads(archived, updated_at_ms, id)");
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO threads VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < 50; i++) {
                    ThreadSummary t = row(i, "old prompt " + i, i == 7 ? "Kept name" : null);
                    Object[] v = {t.id(), t.path(), t.createdAtMs(), t.updatedAtMs(), t.cwd(), t.model(), t.modelProvider(),
                            t.preview(), t.name(), 0, t.source(), t.originator(), t.cliVersion(), null, 0, 10, 10};
                    for (int k = 0; k < v.length; k++) ps.setObject(k + 1, v[k]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // A row replaced in version 0 got a new rowid: the migration must not depend on rowids.
            s.execute("INSERT OR REPLACE INTO threads SELECT * FROM threads WHERE id = '" + row(3, "", null).id() + "'");
        }
        try (ThreadIndex index = new ThreadIndex(file)) {
            assertEquals(50, index.all().size());
            assertEquals(ThreadIndex.SCHEMA_VERSION, userVersion(file));
            assertEquals(row(7, "", null).id(), index.page(search("kept NAME", false, null, null, 10), 11).getFirst().id());
            List<ThreadSummary> three = index.page(search("old prompt 3", false, null, null, 20), 21);
            assertEquals(11, three.size(), "3 and 30-39");
            assertEquals(row(3, "", null).id(), three.getLast().id());
            assertEquals(50, index.page(search("old prompt", false, null, null, 100), 101).size());
            index.upsert(row(60, "new prompt after the migration", null));
            assertEquals(1, index.page(search("after the migration", false, null, null, 10), 11).size());
        }
        // Opening a migrated file again changes nothing.
        try (ThreadIndex index = new ThreadIndex(file)) {
            assertEquals(51, index.all().size());
            assertEquals(1, index.page(search("KEPT name", false, null, null, 10), 11).size());
        }
        assertEquals("ok", integrity(file));
    }

    @Test
    void aVersionOneFileGainsHistoryModeAndGitColumnsInPlace() throws Exception {
        Path file = dir.resolve("v1.sqlite");
        try (ThreadIndex index = new ThreadIndex(file)) {
            index.upsert(row(1, "made by jcodex", null));
            ThreadSummary codex = row(2, "made by codex 0.171", null);
            index.upsert(new ThreadSummary(codex.id(), codex.path(), codex.createdAtMs(), codex.updatedAtMs(), codex.cwd(),
                    codex.model(), codex.modelProvider(), codex.preview(), null, false, "vscode", "codex", "0.171.0", null, 0,
                    10, 10, ThreadSummary.LEGACY, null, null, null, null));
        }
        // back to version 1: the four columns did not exist
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String col : new String[] {"history_mode", "git_sha", "git_branch", "git_origin_url", "thread_source"}) {
                s.execute("ALTER TABLE threads DROP COLUMN " + col);
            }
            s.execute("PRAGMA user_version = 1");
        }
        try (ThreadIndex index = new ThreadIndex(file)) {
            assertEquals(ThreadIndex.SCHEMA_VERSION, userVersion(file));
            ThreadSummary mine = index.get(row(1, "", null).id());
            assertEquals(ThreadSummary.LEGACY, mine.historyMode(), "indexed before modes existed: legacy");
            assertNull(mine.gitBranch());
            assertEquals(10, mine.rolloutSize(), "a jcodex row is not re-read");
            assertEquals(-1, index.get(row(2, "", null).id()).rolloutSize(), "a Codex 0.17x row is re-read once");
            assertEquals(1, index.page(search("made by jcodex", false, null, null, 10), 11).size());
        }
        assertEquals("ok", integrity(file));
    }

    @Test
    void aFileFromANewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("newer.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> new ThreadIndex(file));
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("newer"), e.getMessage());
        assertTrue(Files.exists(file));
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    /** SQLite's own consistency check of the table, its indexes and the text index against its content. */
    private static String integrity(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO threads_fts(threads_fts, rank) VALUES ('integrity-check', 1)");
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                return rs.getString(1);
            }
        }
    }
}
