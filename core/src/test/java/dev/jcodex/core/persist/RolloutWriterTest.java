package dev.jcodex.core.persist;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollout lines are whole or absent, whatever the disk does; a torn line never survives a reopen or a read. */
class RolloutWriterTest {
    /** An append channel on a disk with {@code room} bytes left: a write beyond it is cut short, then ENOSPC. */
    static class FullDisk extends FileChannel {
        final FileChannel real;
        long room = Long.MAX_VALUE;

        FullDisk(Path p) throws IOException { real = RolloutWriter.openPrivate(p); }

        @Override public int write(ByteBuffer src) throws IOException {
            if (room <= 0) throw new IOException("No space left on device");
            if (src.remaining() <= room) {
                int n = real.write(src);
                room -= n;
                return n;
            }
            ByteBuffer part = src.slice().limit((int) room);
            int n = real.write(part);
            src.position(src.position() + n);
            room -= n;
            return n;
        }
        @Override public FileChannel truncate(long size) throws IOException {
            long freed = Math.max(0, real.size() - size);
            real.truncate(size);
            room += freed;
            return this;
        }
        @Override public long size() throws IOException { return real.size(); }
        @Override public int read(ByteBuffer dst) throws IOException { return real.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return real.read(dsts, offset, length); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { throw new UnsupportedOperationException(); }
        @Override public long position() throws IOException { return real.position(); }
        @Override public FileChannel position(long p) throws IOException { real.position(p); return this; }
        @Override public void force(boolean metaData) throws IOException { real.force(metaData); }
        @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { throw new UnsupportedOperationException(); }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { throw new UnsupportedOperationException(); }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return real.read(dst, position); }
        @Override public int write(ByteBuffer src, long position) throws IOException { throw new UnsupportedOperationException(); }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { throw new UnsupportedOperationException(); }
        @Override public FileLock lock(long position, long size, boolean shared) throws IOException { throw new UnsupportedOperationException(); }
        @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { throw new UnsupportedOperationException(); }
        @Override protected void implCloseChannel() throws IOException { real.close(); }
    }

    static JsonNode payload(String text) { return Json.object().put("type", "agent_message").put("message", text); }

    @Test
    void aWriteCutShortByAFullDiskLeavesNoFragmentAndTheNextRecordHasItsOwnLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rollout.jsonl");
        FullDisk disk = new FullDisk(file);
        try (RolloutWriter w = new RolloutWriter(file, disk)) {
            w.write("event_msg", payload("first"));
            disk.room = 40; // the next line is longer than that
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> w.write("event_msg", payload("x".repeat(500))));
            assertTrue(e.getCause().getMessage().contains("No space left on device"), e.toString());
            List<String> lines = Files.readAllLines(file);
            assertEquals(1, lines.size(), "the torn part was cut back: " + lines);
            disk.room = Long.MAX_VALUE; // space freed
            w.write("event_msg", payload("third"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        for (String l : lines) assertTrue(Json.MAPPER.readTree(l).isObject(), l);
        assertEquals("third", Json.MAPPER.readTree(lines.get(1)).path("payload").path("message").asText());
        assertTrue(Files.readString(file).endsWith("\n"));
    }

    @Test
    void whileATornLineCannotBeCutBackNothingIsAppendedAfterIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rollout.jsonl");
        FullDisk disk = new FullDisk(file) {
            boolean truncateFails = true;

            @Override public FileChannel truncate(long size) throws IOException {
                if (truncateFails) throw new IOException("Input/output error");
                return super.truncate(size);
            }
        };
        try (RolloutWriter w = new RolloutWriter(file, disk)) {
            w.write("event_msg", payload("first"));
            disk.room = 40;
            assertThrows(UncheckedIOException.class, () -> w.write("event_msg", payload("y".repeat(500))));
            disk.room = Long.MAX_VALUE;
            assertThrows(UncheckedIOException.class, () -> w.write("event_msg", payload("glued?")));
            assertFalse(Files.readString(file).contains("glued?"), "a record was appended to a torn line");
        }
        // a restart (a new writer on the file) drops the fragment before appending
        try (RolloutWriter w = new RolloutWriter(file)) {
            w.write("event_msg", payload("after restart"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        for (String l : lines) assertTrue(Json.MAPPER.readTree(l).isObject(), l);
    }

    @Test
    void reopeningKeepsAWholeLastRecordThatOnlyLacksItsNewline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rollout.jsonl");
        String whole = "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"x\"}}";
        Files.writeString(file, whole);
        try (RolloutWriter w = new RolloutWriter(file)) {
            w.write("event_msg", payload("next"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(whole, lines.get(0));
        assertEquals(2, lines.size());
    }

    @Test
    void aReaderRecoversTheRecordGluedToATornLine(@TempDir Path dir) throws Exception {
        // what an older writer left after a failed write: a fragment, and the turn's end glued to it
        String id = "0199aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee";
        Path file = dir.resolve("rollout-2026-01-01T00-00-00-" + id + ".jsonl");
        String meta = "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + id + "\",\"cwd\":\"/w\"}}";
        String started = "{\"timestamp\":\"2026-01-01T00:00:01Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"task_started\",\"turn_id\":\"t1\"}}";
        String torn = "{\"timestamp\":\"2026-01-01T00:00:02Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"item_compl";
        String end = "{\"timestamp\":\"2026-01-01T00:00:03Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"task_complete\",\"turn_id\":\"t1\"}}";
        Files.writeString(file, meta + "\n" + started + "\n" + torn + end + "\n");
        SavedThread t = RolloutReader.load(file, false);
        assertEquals(1, t.turns().size());
        assertEquals(TurnStatus.COMPLETED, t.turns().getFirst().end().status(), "the turn's end line was lost with the fragment");
    }
}
