package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

/**
 * Appends {@code {timestamp, type, payload}} lines to one rollout file. Each line goes to the kernel in a
 * single write as soon as it is made, so a killed process loses at most the line being written (which the
 * reader tolerates) and never a completed one. Files are created 0600: they hold the user's conversations.
 *
 * <p>A line is whole or absent: a write that fails part way (the disk filled up) is cut back to the end of
 * the last complete line before the failure is reported, and while that cut has not succeeded nothing more
 * is appended, so a later record is never glued to a torn one. Opening a file whose last line was torn (by a
 * crash, or by an older writer) drops that fragment first.
 */
final class RolloutWriter implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    /** The end of the last complete line: where a torn write is cut back to. */
    private long end;
    private boolean torn;

    RolloutWriter(Path path) throws IOException {
        this(path, openChannel(path));
    }

    /** {@code channel}: opened for append on {@code path} (tests pass one that fails like a full disk). */
    RolloutWriter(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        try {
            this.end = repairTail(path, channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static FileChannel openChannel(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return openPrivate(path);
    }

    static FileChannel openPrivate(Path path) throws IOException {
        Set<StandardOpenOption> opts = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            return FileChannel.open(path, opts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(path, opts);
        }
    }

    /**
     * Makes the file end with a newline: a last line without one is a torn write and is cut off, unless it
     * is a whole JSON record that only lacks its newline, which then gets one. Returns the resulting size.
     */
    static long repairTail(Path path, FileChannel appender) throws IOException {
        long size = appender.size();
        if (size == 0) return 0;
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            if (in.read(one, size - 1) == 1 && one.get(0) == '\n') return size;
            long lineStart = 0;
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            for (long pos = size; pos > 0 && lineStart == 0; ) {
                long from = Math.max(0, pos - chunk.capacity());
                chunk.clear().limit((int) (pos - from));
                while (chunk.hasRemaining() && in.read(chunk, from + chunk.position()) > 0) { }
                for (int i = chunk.position() - 1; i >= 0; i--) {
                    if (chunk.get(i) == '\n') {
                        lineStart = from + i + 1;
                        break;
                    }
                }
                pos = from;
            }
            if (size - lineStart <= 64L * 1024 * 1024) {
                ByteBuffer tail = ByteBuffer.allocate((int) (size - lineStart));
                while (tail.hasRemaining() && in.read(tail, lineStart + tail.position()) > 0) { }
                try {
                    JsonNode n = Json.MAPPER.readTree(tail.array());
                    if (n != null && n.isObject()) {
                        appender.write(ByteBuffer.wrap(new byte[] {'\n'}));
                        return size + 1;
                    }
                } catch (IOException torn) {
                    // not a whole record: cut below
                }
            }
            System.err.println("jcodex: " + path + ": dropping a torn last line of " + (size - lineStart) + " bytes");
            appender.truncate(lineStart);
            return lineStart;
        }
    }

    Path path() { return path; }

    synchronized void write(String type, JsonNode payload) {
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("type", type);
        line.set("payload", payload);
        byte[] bytes;
        try {
            bytes = (Json.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing rollout " + path, e);
        }
        append(bytes);
    }

    /** Copies a line verbatim (fork copies the source's lines). */
    synchronized void writeRaw(String line) {
        append((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void append(byte[] bytes) {
        if (torn) cutBack(); // an earlier failure could not be undone yet: never write after a fragment
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            while (buf.hasRemaining()) channel.write(buf);
            end += bytes.length;
        } catch (IOException e) {
            if (buf.position() > 0) {
                torn = true;
                try {
                    cutBack();
                } catch (UncheckedIOException still) {
                    e.addSuppressed(still.getCause());
                }
            }
            throw new UncheckedIOException("writing rollout " + path, e);
        }
    }

    private void cutBack() {
        try {
            channel.truncate(end);
            torn = false;
        } catch (IOException e) {
            throw new UncheckedIOException("writing rollout " + path + " (cutting back a torn line)", e);
        }
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
