package dev.jcodex.core.tools.exec;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The text an exec_command / write_stdin call returns to the model: a chunk id, wall time, whether the
 * process exited (and how) or still runs, the token estimate, and the output, middle-truncated to the
 * token budget.
 */
final class ExecOutput {
    private ExecOutput() {}

    static final int DEFAULT_MAX_TOKENS = 10_000;

    static String format(String output, double wallSeconds, Integer exitCode, Integer sessionId, int maxTokens) {
        StringBuilder sb = new StringBuilder();
        sb.append("Chunk ID: ").append(String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24))).append('\n');
        sb.append("Wall time: ").append(String.format(java.util.Locale.ROOT, "%.4f", wallSeconds)).append(" seconds\n");
        if (exitCode != null) sb.append("Process exited with code ").append(exitCode).append('\n');
        else sb.append("Process running with session ID ").append(sessionId).append('\n');
        sb.append("Original token count: ").append(tokens(output)).append('\n');
        sb.append("Output:\n").append(truncate(output, maxTokens));
        return sb.toString();
    }

    /** Roughly 4 bytes per token, as the usual estimate. */
    static int tokens(String s) { return (s.length() + 3) / 4; }

    /** Keeps the head and the tail when {@code s} exceeds the budget; the middle is what gets dropped. */
    static String truncate(String s, int maxTokens) {
        int maxChars = Math.max(0, maxTokens) * 4;
        if (s.length() <= maxChars) return s;
        int half = maxChars / 2;
        String head = s.substring(0, half);
        String tail = s.substring(s.length() - half);
        int dropped = tokens(s.substring(half, s.length() - half));
        return head + "\n…" + dropped + " tokens truncated…\n" + tail;
    }
}
