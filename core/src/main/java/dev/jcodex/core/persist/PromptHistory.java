package dev.jcodex.core.persist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code CODEX_HOME/history.jsonl}: one {@code {session_id, ts, text}} line per submitted prompt, the file
 * Codex keeps for prompt recall. Written unless {@code [history] persistence = "none"}; created 0600.
 */
final class PromptHistory {
    private final Path file;

    PromptHistory(Path codexHome) { this.file = codexHome.resolve("history.jsonl"); }

    synchronized void append(String threadId, String text) {
        ObjectNode o = Json.object().put("session_id", threadId).put("ts", System.currentTimeMillis() / 1000).put("text", text);
        try (FileChannel ch = RolloutWriter.openPrivate(file)) {
            ByteBuffer buf = ByteBuffer.wrap((Json.MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
        } catch (IOException e) {
            System.err.println("jcodex: could not append to " + file + ": " + e.getMessage());
        }
    }
}
