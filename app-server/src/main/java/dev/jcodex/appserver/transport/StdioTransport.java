package dev.jcodex.appserver.transport;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.ErrorCodes;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.MessageLimits;
import dev.jcodex.appserver.rpc.RpcException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/** JSONL over stdin/stdout: the connection of an IDE that spawned the daemon. */
public final class StdioTransport {
    /** Derived from the heap (see {@link MessageLimits}): a longer line is answered -32600 and skipped unbuffered. */
    public static final int MAX_LINE_BYTES = MessageLimits.MAX_MESSAGE_BYTES;

    private StdioTransport() {}

    /**
     * Serves one connection until stdin closes or the parent process dies. The real stdout is taken here and
     * System.out is pointed at stderr, so no stray print can corrupt the protocol stream. On SIGTERM the
     * connection closes in order: its processes are killed and what is queued for stdout is written.
     */
    public static void serve(Dispatcher dispatcher, Consumer<JsonRpcConnection> onOpen) throws IOException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        // stdio blocks the producer rather than dropping: the IDE owns this pipe and the process.
        WriterQueue writer = new WriterQueue(stdout, 16 * 1024, Long.MAX_VALUE / 4, "jcodex-stdout");
        JsonRpcConnection conn = new JsonRpcConnection(writer, dispatcher);
        onOpen.accept(conn);
        Runtime.getRuntime().addShutdownHook(new Thread(conn::close, "jcodex-shutdown"));
        exitWithParent();
        try {
            new LineReader(stdin, MAX_LINE_BYTES).run(new LineReader.Sink() {
                @Override
                public void line(byte[] buf, int off, int len) { conn.handle(buf, off, len); }

                @Override
                public void oversized(long length) {
                    conn.sendError(NullNode.instance, new RpcException(ErrorCodes.INVALID_REQUEST,
                            "Invalid request: message of " + length + " bytes exceeds the limit of " + MAX_LINE_BYTES + " bytes"));
                }
            });
            conn.drain(10_000);
        } finally {
            conn.close();
        }
    }

    /** An IDE that dies without closing our stdin (SIGKILL of a wrapper) must not leave the daemon behind. */
    private static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            if (parent.pid() == 1) return; // already orphaned at start: nothing to follow
            parent.onExit().thenRun(() -> {
                System.err.println("jcodex: parent process " + parent.pid() + " exited; shutting down");
                System.exit(0);
            });
        });
    }
}
