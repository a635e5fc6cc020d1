package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.appserver.testing.ListeningDaemon;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code --listen unix://PATH} replaces only a stale socket: a file, a directory or a live socket is refused. */
class UnixListenPathTest {
    /** Runs the daemon to its exit; returns exit code and stderr. */
    static Object[] run(Path root, Path sock) throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:+DisableAttachMechanism", "-XX:+UseSerialGC", "-Xlog:disable",
                "-cp", System.getProperty("java.class.path"), "dev.jcodex.appserver.cli.Main", "app-server",
                "--listen", "unix://" + sock));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("CODEX_HOME", home.toString());
        Process p = pb.start();
        try {
            // it must refuse at once; a daemon still running after 15 s is serving on the path it replaced
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the daemon did not exit");
            return new Object[] {p.exitValue(), new String(p.getInputStream().readAllBytes())};
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aRegularFileDirectoryOrLiveSocketIsRefusedAndLeftAlone() throws Exception {
        Path root = Files.createTempDirectory("jcodex-unix-");
        Path file = root.resolve("precious.txt");
        Files.writeString(file, "keep me");
        Object[] r = run(root, file);
        assertEquals(2, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains(file + " exists and is a regular file, not a stale socket"), (String) r[1]);
        assertEquals("keep me", Files.readString(file));

        Path dir = Files.createDirectories(root.resolve("dir"));
        r = run(root, dir);
        assertEquals(2, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("is a directory"), (String) r[1]);
        assertTrue(Files.isDirectory(dir));

        Path live = root.resolve("live.sock");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(live));
            r = run(root, live);
            assertEquals(2, r[0], (String) r[1]);
            assertTrue(((String) r[1]).contains("another server is listening on " + live), (String) r[1]);
            assertTrue(Files.exists(live));
        }
    }

    @Test
    void aStaleSocketIsReplaced() throws Exception {
        Path root = Files.createTempDirectory("jcodex-unix-");
        Path stale = root.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(stale));
        } // closed without unlinking: what a killed daemon leaves behind
        assertTrue(Files.exists(stale));
        try (ListeningDaemon d = ListeningDaemon.start(null, Map.of(), "--listen", "unix://" + stale)) {
            assertEquals(stale, d.unixPath());
            try (var c = java.nio.channels.SocketChannel.open(UnixDomainSocketAddress.of(stale))) {
                assertTrue(c.isConnected());
            }
        }
    }
}
