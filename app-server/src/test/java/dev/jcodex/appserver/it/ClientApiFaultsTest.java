package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults and resource limits on the client API, against a daemon with a small heap (64 MiB, so its message
 * limit is about 4 MiB): what once exhausted the heap or blocked the connection for good is answered with an
 * error naming what is wrong, and the same connection goes on serving.
 */
class ClientApiFaultsTest {
    static final Map<String, Object> FULL = Map.of("type", "dangerFullAccess");
    static Daemon d;

    @BeforeAll
    static void start() throws Exception {
        d = Daemon.start(null, Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"), List.of());
        d.initialize();
    }

    @AfterAll
    static void stop() throws Exception {
        if (d != null) d.close();
    }

    /** The connection still answers, promptly. */
    static void stillServing() throws Exception {
        Path f = d.work().resolve("alive.txt");
        Files.writeString(f, "alive");
        assertEquals("YWxpdmU=", d.result(d.request("fs/readFile", Map.of("path", f.toString()))).path("dataBase64").asText());
    }

    static JsonNode error(long id) throws InterruptedException {
        JsonNode r = d.awaitResponse(id);
        assertTrue(r.has("error"), r.toString());
        return r.get("error");
    }

    @Test
    void readFileRefusesDevicesFifosAndFilesOverTheCap() throws Exception {
        JsonNode zero = error(d.request("fs/readFile", Map.of("path", "/dev/zero")));
        assertEquals(-32600, zero.path("code").asInt(), zero.toString());
        assertTrue(zero.path("message").asText().contains("/dev/zero is not a regular file"), zero.toString());
        stillServing();

        Path fifo = d.work().resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        JsonNode f = error(d.request("fs/readFile", Map.of("path", fifo.toString())));
        assertTrue(f.path("message").asText().contains(fifo + " is not a regular file"), f.toString());
        // writing to a FIFO nobody reads would block open(2) as well
        JsonNode w = error(d.request("fs/writeFile", Map.of("path", fifo.toString(), "dataBase64", "aGk=")));
        assertEquals(-32600, w.path("code").asInt(), w.toString());
        assertTrue(w.path("message").asText().contains(fifo.toString()), w.toString());
        // a copy of a FIFO would block, of /dev/zero never end
        JsonNode c = error(d.request("fs/copy", Map.of("sourcePath", "/dev/zero", "destinationPath", d.work().resolve("z").toString())));
        assertTrue(c.path("message").asText().contains("/dev/zero is not a regular file"), c.toString());
        assertFalse(Files.exists(d.work().resolve("z")));
        stillServing();

        Path big = d.work().resolve("big.bin");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) { raf.setLength(8L * 1024 * 1024); }
        JsonNode b = error(d.request("fs/readFile", Map.of("path", big.toString())));
        assertEquals(-32600, b.path("code").asInt(), b.toString());
        assertTrue(b.path("message").asText().matches(".*" + big + " is larger than the limit of \\d+ bytes.*"), b.toString());
        // a symlink to a regular file is still read (as Codex does)
        Path link = d.work().resolve("link.txt");
        Files.createSymbolicLink(link, d.work().resolve("alive.txt"));
        stillServing();
        assertEquals("YWxpdmU=", d.result(d.request("fs/readFile", Map.of("path", link.toString()))).path("dataBase64").asText());
    }

    @Test
    void anOversizedLineIsAnsweredAndSkippedAndTheConnectionLives() throws Exception {
        // 60 MB in one line: far over the limit a 64 MiB heap allows; once it was buffered whole and the
        // reader died of OutOfMemoryError.
        byte[] head = "{\"id\":99,\"method\":\"fs/readFile\",\"params\":{\"path\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] filler = new byte[1024 * 1024];
        java.util.Arrays.fill(filler, (byte) 'a');
        byte[] all = new byte[head.length + 60 * filler.length + 4];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < 60; i++) System.arraycopy(filler, 0, all, head.length + i * filler.length, filler.length);
        System.arraycopy("\"}}\n".getBytes(StandardCharsets.UTF_8), 0, all, all.length - 4, 4);
        d.sendBytes(all);
        JsonNode r = d.await(n -> n.has("error") && n.path("id").isNull(), Daemon.TIMEOUT);
        assertEquals(-32600, r.path("error").path("code").asInt(), r.toString());
        assertTrue(r.path("error").path("message").asText().matches(".*message of \\d+ bytes exceeds the limit of \\d+ bytes.*"), r.toString());
        stillServing();
        assertTrue(d.isAlive());
    }

    @Test
    void bufferedExecWithoutOutputCapIsBoundedAndAnswered() throws Exception {
        // 300 MB on stdout, buffered, with the cap disabled: once kept whole until the heap ran out and never
        // answered. Now the reply fails naming the limit, after the command has run to its end.
        long id = d.request("command/exec", Map.of("command", List.of("sh", "-c", "head -c 300000000 /dev/zero; echo done >&2"),
                "disableOutputCap", true, "disableTimeout", true, "sandboxPolicy", FULL));
        JsonNode r = d.await(n -> !n.has("method") && n.path("id").asLong(-1) == id, java.time.Duration.ofSeconds(60));
        assertEquals(-32600, r.path("error").path("code").asInt(), r.toString());
        String msg = r.path("error").path("message").asText();
        assertTrue(msg.matches("command/exec: stdout exceeded \\d+ bytes.*exited with 0.*streamStdoutStderr.*"), msg);
        // under the limit a disabled cap still returns everything
        JsonNode ok = d.result(d.request("command/exec", Map.of("command", List.of("head", "-c", "300000", "/dev/zero"),
                "disableOutputCap", true, "sandboxPolicy", FULL)));
        assertEquals(300000, ok.path("stdout").asText().length());
        stillServing();
    }

    @Test
    void copyRefusesADestinationInsideTheSourceReachedThroughASymlink() throws Exception {
        Path src = Files.createDirectories(d.work().resolve("src/a/b"));
        Files.writeString(src.resolve("f.txt"), "x");
        Path source = d.work().resolve("src");
        // the destination's path does not start with the source's, but its real path does (through a symlink
        // into the source): the walk once copied the copy into itself, level after level
        Path link = d.work().resolve("elsewhere");
        Files.createSymbolicLink(link, source.resolve("a"));
        JsonNode e = error(d.request("fs/copy", Map.of("sourcePath", source.toString(),
                "destinationPath", link.resolve("copy").toString(), "recursive", true)));
        assertEquals(-32600, e.path("code").asInt(), e.toString());
        assertTrue(e.path("message").asText().contains("cannot copy a directory into itself"), e.toString());
        assertFalse(Files.exists(source.resolve("a/copy")), "nothing was created inside the source");
        // a tree deeper than the bound is refused, not walked without end
        Path deep = d.work().resolve("deep");
        Path p = deep;
        for (int i = 0; i < 520; i++) p = p.resolve("d");
        Files.createDirectories(p);
        JsonNode tooDeep = error(d.request("fs/copy", Map.of("sourcePath", deep.toString(),
                "destinationPath", d.work().resolve("deep-copy").toString(), "recursive", true)));
        assertTrue(tooDeep.path("message").asText().contains("deeper than 512 levels"), tooDeep.toString());
        // the same copy to a real outside place works
        Path out = d.work().resolve("copy-out");
        d.result(d.request("fs/copy", Map.of("sourcePath", source.toString(), "destinationPath", out.toString(), "recursive", true)));
        assertEquals("x", Files.readString(out.resolve("a/b/f.txt")));
        stillServing();
    }

    @Test
    void aDirectoryTooLargeForOneReplyIsRefusedNotListedIntoTheHeap() throws Exception {
        Path dir = Files.createDirectories(d.work().resolve("many"));
        String pad = "n".repeat(240);
        for (int i = 0; i < 16_000; i++) Files.createFile(dir.resolve(pad + i)); // ~8 MiB of reply, twice the limit
        JsonNode e = error(d.request("fs/readDirectory", Map.of("path", dir.toString())));
        assertEquals(-32600, e.path("code").asInt(), e.toString());
        assertTrue(e.path("message").asText().contains(dir + " has more entries than fit in one reply"), e.toString());
        Path few = Files.createDirectories(d.work().resolve("few"));
        Files.writeString(few.resolve("one"), "1");
        JsonNode small = d.result(d.request("fs/readDirectory", Map.of("path", few.toString())));
        assertEquals("one", small.path("entries").get(0).path("fileName").asText(), small.toString());
        stillServing();
    }

    static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }
}
