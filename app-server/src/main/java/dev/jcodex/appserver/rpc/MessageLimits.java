package dev.jcodex.appserver.rpc;

/**
 * How big one JSON-RPC message may be, derived from the heap the daemon was given. Handling a message of L
 * bytes costs several times L at once (the framing buffer, Jackson's text buffer, the decoded String or bytes,
 * the reply being serialized), and other connections and turns need the heap too; a sixteenth of the maximum
 * heap leaves that room (16 MiB for the launcher's 256 MiB heap). {@code JCODEX_MAX_MESSAGE_BYTES} lowers or
 * raises it (never above what the heap allows).
 */
public final class MessageLimits {
    private MessageLimits() {}

    static final long MIN_MESSAGE_BYTES = 1024 * 1024;
    static final long MAX_MESSAGE_CEILING = 64L * 1024 * 1024;

    /** The largest inbound line (stdio) or WebSocket message accepted; larger ones are refused and skipped. */
    public static final int MAX_MESSAGE_BYTES = (int) fromEnv(forHeap(Runtime.getRuntime().maxMemory()));

    /** The largest file fs/readFile returns: its base64 reply still fits in one message. */
    public static final long MAX_READ_FILE_BYTES = MAX_MESSAGE_BYTES / 4 * 3 - 64 * 1024;

    /**
     * The most output a buffered command/exec keeps per stream, whatever {@code outputBytesCap} or
     * {@code disableOutputCap} asked: both streams, JSON-escaped, must fit the heap; more needs streaming.
     */
    public static final long MAX_BUFFERED_EXEC_OUTPUT = MAX_MESSAGE_BYTES / 4;

    static long forHeap(long maxHeap) {
        if (maxHeap <= 0 || maxHeap == Long.MAX_VALUE) return MAX_MESSAGE_CEILING;
        return Math.clamp(maxHeap / 16, MIN_MESSAGE_BYTES, MAX_MESSAGE_CEILING);
    }

    private static long fromEnv(long heapLimit) {
        String v = System.getenv("JCODEX_MAX_MESSAGE_BYTES");
        if (v == null || v.isBlank()) return heapLimit;
        try {
            return Math.clamp(Long.parseLong(v.trim()), 1024, heapLimit);
        } catch (NumberFormatException e) {
            return heapLimit;
        }
    }
}
