package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Saved threads on disk: rollouts under {@code sessions/YYYY/MM/DD/} (and {@code archived_sessions/}) are
 * the truth, the SQLite index answers listing. At start the index is reconciled with the files in the
 * background (rows missing, behind or pointing at a moved file are re-read from their rollout); every
 * query waits for that first pass.
 */
public final class ThreadStore implements AutoCloseable {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    private final Path sessions;
    private final Path archived;
    private final Path indexFile;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile ThreadIndex index;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final HistoryPages history;

    public record Page(List<ThreadSummary> items, String nextCursor, String backwardsCursor) {}

    public ThreadStore(Path codexHome) {
        this.sessions = codexHome.resolve("sessions");
        this.archived = codexHome.resolve("archived_sessions");
        this.indexFile = codexHome.resolve(ThreadIndex.FILE_NAME);
        this.history = new HistoryPages(codexHome.resolve(HistoryIndex.FILE_NAME));
    }

    Path archivedDir() { return archived; }

    /** Pages of saved threads' turns and items (thread/turns/list, thread/items/list). */
    public HistoryPages history() { return history; }

    /**
     * Deletes a saved thread: its rollout, its index row and its history rows. Returns false when it was
     * already gone.
     */
    public boolean delete(ThreadSummary s) throws IOException {
        boolean existed = Files.deleteIfExists(Path.of(s.path()));
        awaitReady();
        try {
            index.delete(List.of(s.id()));
        } catch (SQLException e) {
            System.err.println("jcodex: thread index update failed for " + s.id() + ": " + e.getMessage());
        }
        history.forget(s.id());
        return existed;
    }

    /**
     * Opens the index and reconciles it in the background. Loading SQLite (its native library, its JDBC
     * classes) costs hundreds of milliseconds, so it happens on first use or once the client's handshake
     * has been answered ({@link #startInBackground}), never on the way to the {@code initialize} reply.
     */
    public void startInBackground() {
        if (!started.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("thread-index-reconcile").start(() -> {
            try {
                index = openIndex(indexFile);
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
                return;
            }
            try {
                reconcile();
                ready.complete(null);
            } catch (Exception e) {
                System.err.println("jcodex: rebuilding the thread index failed: " + e);
                ready.complete(null); // serve what the index has rather than nothing
            }
        });
    }

    /** A damaged index is only a cache: drop it and rebuild from the rollouts. */
    private static ThreadIndex openIndex(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new ThreadIndex(file);
        } catch (SQLException | IOException first) {
            System.err.println("jcodex: thread index unusable (" + first.getMessage() + "); rebuilding it");
            try {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                }
                return new ThreadIndex(file);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot open the thread index " + file, e);
            }
        }
    }

    public void awaitReady() {
        startInBackground();
        ready.join();
    }

    /** Where a new thread's rollout goes: {@code sessions/YYYY/MM/DD/rollout-<local time>-<id>.jsonl}. */
    public Path newRolloutPath(String id, long createdAtMs) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(createdAtMs), ZoneId.systemDefault());
        return sessions.resolve(String.format("%04d/%02d/%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth()))
                .resolve("rollout-" + FILE_TIME.format(t) + "-" + id + ".jsonl");
    }

    /** Re-reads rows that are missing or behind their rollout and drops rows whose rollout is gone. */
    void reconcile() throws IOException, SQLException {
        Map<String, ThreadSummary> rows = index.all();
        Set<String> seen = new HashSet<>();
        List<ThreadSummary> changed = new ArrayList<>();
        for (Path dir : List.of(sessions, archived)) {
            if (!Files.isDirectory(dir)) continue;
            boolean isArchive = dir.equals(archived);
            try (Stream<Path> files = Files.walk(dir, isArchive ? 1 : 4)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String id = RolloutReader.idFromFileName(f);
                    if (id == null || !Files.isRegularFile(f)) continue;
                    seen.add(id);
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    ThreadSummary row = rows.get(id);
                    if (row != null && row.path().equals(f.toString()) && row.rolloutSize() == a.size()
                            && row.rolloutMtimeMs() == a.lastModifiedTime().toMillis() && row.archived() == isArchive) {
                        continue;
                    }
                    try {
                        changed.add(RolloutReader.summary(f, isArchive));
                    } catch (IOException | RuntimeException e) {
                        System.err.println("jcodex: skipping unreadable rollout " + f + ": " + e);
                    }
                    if (changed.size() >= 500) {
                        index.upsertAll(changed);
                        changed.clear();
                    }
                }
            }
        }
        index.upsertAll(changed);
        List<String> gone = new ArrayList<>();
        for (String id : rows.keySet()) if (!seen.contains(id)) gone.add(id);
        index.delete(gone);
        for (String id : gone) history.forget(id); // their pages too (a rollout deleted outside jcodex)
    }

    public Page list(ListQuery q) {
        awaitReady();
        try {
            List<ThreadSummary> rows = index.page(q, q.limit() + 1);
            boolean more = rows.size() > q.limit();
            if (more) rows = rows.subList(0, q.limit());
            String next = more ? cursor(rows.getLast(), q.sortByUpdated()) : null;
            String back = rows.isEmpty() ? null : cursor(rows.getFirst(), q.sortByUpdated());
            return new Page(List.copyOf(rows), next, back);
        } catch (SQLException e) {
            throw new IllegalStateException("thread index query failed: " + e.getMessage(), e);
        }
    }

    static String cursor(ThreadSummary t, boolean byUpdated) {
        return (byUpdated ? t.updatedAtMs() : t.createdAtMs()) + "|" + t.id();
    }

    /** Parses a cursor made by {@link #list}; IllegalArgumentException when it is not one. */
    public static Object[] parseCursor(String cursor) {
        int bar = cursor.indexOf('|');
        if (bar <= 0 || bar == cursor.length() - 1) throw new IllegalArgumentException("invalid cursor: " + cursor);
        try {
            return new Object[] {Long.parseLong(cursor.substring(0, bar)), cursor.substring(bar + 1)};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid cursor: " + cursor);
        }
    }

    /** The index row of a saved thread, or null when none is on disk. */
    public ThreadSummary find(String id) {
        awaitReady();
        try {
            ThreadSummary s = index.get(id);
            if (s != null && !Files.exists(Path.of(s.path()))) return null;
            return s;
        } catch (SQLException e) {
            throw new IllegalStateException("thread index query failed: " + e.getMessage(), e);
        }
    }

    /** Reads the whole saved thread (turns and model history), streaming its rollout. */
    public SavedThread load(ThreadSummary s) {
        return loadThrough(s, null);
    }

    /**
     * Reads the saved thread as it was at the end of turn {@code lastTurnId} (null: all of it).
     * NoSuchElementException when it has no such turn.
     */
    public SavedThread loadThrough(ThreadSummary s, String lastTurnId) {
        try {
            return lastTurnId == null ? RolloutReader.load(Path.of(s.path()), s.archived())
                    : RolloutReader.loadThrough(Path.of(s.path()), s.archived(), lastTurnId);
        } catch (IOException e) {
            throw new UncheckedIOException("reading rollout " + s.path(), e);
        }
    }

    /** Reads a rollout not (yet) in the index, e.g. a fork's fresh copy, and indexes it. */
    public SavedThread loadFile(Path file) {
        try {
            SavedThread t = RolloutReader.load(file, file.startsWith(archived));
            indexed(t.summary());
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("reading rollout " + file, e);
        }
    }

    void indexed(ThreadSummary s) {
        awaitReady();
        try {
            index.upsert(s);
        } catch (SQLException e) {
            System.err.println("jcodex: thread index update failed for " + s.id() + ": " + e.getMessage());
        }
    }

    /** Moves the rollout to {@code archived_sessions/} (flat, same file name) and marks the row. */
    public ThreadSummary archive(ThreadSummary s) throws IOException {
        Path from = Path.of(s.path());
        Path to = archived.resolve(from.getFileName());
        Files.createDirectories(archived);
        if (!from.equals(to)) Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        return reindex(s, to, true);
    }

    /** Moves the rollout back under {@code sessions/YYYY/MM/DD/} of its creation date. */
    public ThreadSummary unarchive(ThreadSummary s) throws IOException {
        Path from = Path.of(s.path());
        Path to = newRolloutPath(s.id(), s.createdAtMs()).resolveSibling(from.getFileName());
        Files.createDirectories(to.getParent());
        if (!from.equals(to)) Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        return reindex(s, to, false);
    }

    private ThreadSummary reindex(ThreadSummary s, Path file, boolean nowArchived) throws IOException {
        ThreadSummary moved = s.withFile(file.toString(), nowArchived, Files.size(file),
                Files.getLastModifiedTime(file).toMillis());
        indexed(moved);
        return moved;
    }

    /** Re-reads one rollout into its index row (after a write made outside a live recorder). */
    ThreadSummary refresh(Path file, boolean isArchived) throws IOException {
        ThreadSummary s = RolloutReader.summary(file, isArchived);
        indexed(s);
        return s;
    }

    /**
     * Copies a rollout for a fork: a new session_meta naming the new id and its source, then every other
     * line of the source, streamed; with {@code lastTurnId}, only the lines through the end of that turn
     * (see {@link ForkCut}). Returns the new file. NoSuchElementException (and no file) when the source
     * has no turn {@code lastTurnId}.
     */
    public Path copyForFork(ThreadSummary src, String newId, long createdAtMs, String lastTurnId) throws IOException {
        Path to = newRolloutPath(newId, createdAtMs);
        Files.createDirectories(to.getParent());
        ForkCut cut = lastTurnId == null ? null : new ForkCut(lastTurnId);
        try {
            copy(src, to, newId, createdAtMs, cut);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(to);
            throw e;
        }
        if (cut != null && !cut.found()) {
            Files.deleteIfExists(to);
            throw new java.util.NoSuchElementException("turn not found: " + lastTurnId);
        }
        return to;
    }

    private static void copy(ThreadSummary src, Path to, String newId, long createdAtMs, ForkCut cut) throws IOException {
        try (RolloutWriter w = new RolloutWriter(to);
             BufferedReader in = Files.newBufferedReader(Path.of(src.path()), StandardCharsets.UTF_8)) {
            String line;
            boolean metaWritten = false;
            while ((line = in.readLine()) != null) {
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (n == null || !n.isObject()) continue;
                if ("session_meta".equals(n.path("type").asText())) {
                    if (metaWritten) continue;
                    ObjectNode meta = n.path("payload").isObject() ? (ObjectNode) n.get("payload").deepCopy() : Json.object();
                    meta.put("id", newId).put("session_id", newId).put("forked_from_id", src.id())
                            .put("timestamp", Instant.ofEpochMilli(createdAtMs).toString());
                    w.write("session_meta", meta);
                    metaWritten = true;
                } else if (cut == null) {
                    w.writeRaw(line); // names too: a fork inherits its source's name
                } else {
                    for (JsonNode kept : cut.accept(n)) w.writeRaw(kept == n ? line : Json.MAPPER.writeValueAsString(kept));
                }
            }
        }
    }

    @Override
    public void close() {
        ThreadIndex i = index;
        if (i != null) i.close();
        history.close();
    }
}
