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
 */
final class RolloutWriter implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    RolloutWriter(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path.getParent());
        this.channel = openPrivate(path);
    }

    static FileChannel openPrivate(Path path) throws IOException {
        Set<StandardOpenOption> opts = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            return FileChannel.open(path, opts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(path, opts);
        }
    }

    Path path() { return path; }

    synchronized void write(String type, JsonNode payload) {
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("type", type);
        line.set("payload", payload);
        try {
            byte[] bytes = (Json.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) channel.write(buf);
        } catch (IOException e) {
            throw new UncheckedIOException("writing rollout " + path, e);
        }
    }

    /** Copies a line verbatim (fork copies the source's lines). */
    synchronized void writeRaw(String line) {
        try {
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) channel.write(buf);
        } catch (IOException e) {
            throw new UncheckedIOException("writing rollout " + path, e);
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
