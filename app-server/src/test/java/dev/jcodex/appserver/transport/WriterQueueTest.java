package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stdout writer: every message once, in order, one per line; a burst leaves in few writes. */
class WriterQueueTest {
    /** Counts the writes that reach it; the first one waits until the test lets it through. */
    private static final class SlowSink extends OutputStream {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (writes.getAndIncrement() == 0) {
                firstWriteEntered.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            synchronized (data) {
                data.write(b, off, len);
            }
        }
    }

    @Test
    void aBurstQueuedWhileTheSinkIsBusyLeavesInOneWrite() throws Exception {
        SlowSink sink = new SlowSink();
        WriterQueue q = new WriterQueue(sink, 4096, 30_000, "test-writer");
        StringBuilder expected = new StringBuilder();
        assertTrue(q.send("first".getBytes(StandardCharsets.UTF_8)));
        expected.append("first\n");
        assertTrue(sink.firstWriteEntered.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 2_000; i++) {
            String m = "{\"method\":\"item/agentMessage/delta\",\"n\":" + i + "}";
            assertTrue(q.send(m.getBytes(StandardCharsets.UTF_8)));
            expected.append(m).append('\n');
        }
        sink.release.countDown();
        q.close(); // writes what is queued, then stops
        assertEquals(expected.toString(), sink.data.toString(StandardCharsets.UTF_8));
        // 2,000 lines of ~45 bytes (~90 KB) after the first: two 64 KB buffers' worth, not 4,000 writes
        assertTrue(sink.writes.get() <= 4, "writes: " + sink.writes.get());
    }

    @Test
    void producersWaitOnceTheQueuedBytesReachTheBoundNotOnlyTheCount() throws Exception {
        // 16k messages of 22 KB (a streamed command/exec) once fit the count bound and filled the heap
        SlowSink sink = new SlowSink();
        WriterQueue q = new WriterQueue(sink, 16 * 1024, 1024 * 1024, 300, "test-writer");
        byte[] chunk = new byte[22 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        assertTrue(q.send(chunk));
        assertTrue(sink.firstWriteEntered.await(30, TimeUnit.SECONDS)); // the sink now blocks
        int accepted = 0;
        while (accepted < 1000 && q.send(chunk)) accepted++;
        assertTrue(accepted <= 1024 / 22 + 1, "accepted " + accepted + " messages of 22 KB with a 1 MiB bound");
        assertTrue(accepted >= 1024 / 22 - 1, "accepted only " + accepted);
        sink.release.countDown();
        q.close();
        assertEquals((accepted + 1) * (chunk.length + 1), sink.data.size());
    }
}
