package dev.jcodex.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** seccomp: with the network off, inet sockets and unix connects fail with EPERM (not a refused connection). */
class NetworkConfinementTest {
    static Sandbox sandbox;

    @TempDir Path ws;

    @BeforeAll
    static void landlock() {
        sandbox = Sandbox.forcing(Mechanism.LANDLOCK_SECCOMP);
        assumeTrue(sandbox.mechanism() == Mechanism.LANDLOCK_SECCOMP,
                () -> "Landlock/seccomp unavailable on this kernel: " + sandbox.unavailableReason().orElse(""));
    }

    private static final String CONNECT = "exec 3<>/dev/tcp/127.0.0.1/%d && echo connected";

    @Test
    void inetConnectFailsWithEpermWhenNetworkIsOff() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = Run.bash(sandbox, Run.workspaceOnly(false), ws, CONNECT.formatted(server.getLocalPort()));
            assertNotEquals(0, r.exit());
            assertTrue(r.err().contains("Operation not permitted"), r.err());
            assertFalse(r.err().contains("Connection refused"), r.err());
        }
    }

    @Test
    void inetConnectWorksWhenNetworkIsOn() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = Run.bash(sandbox, Run.workspaceOnly(true), ws, CONNECT.formatted(server.getLocalPort()));
            assertEquals(0, r.exit(), r.err());
            assertEquals("connected\n", r.out());
        }
    }

    private static final String UNIX_CONNECT = "perl -MSocket -e '"
            + "socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die \"socket: $!\\n\";"
            + "connect($s, pack_sockaddr_un($ARGV[0])) or die \"connect: $!\\n\"; print \"unix-ok\\n\"' ";

    /** As in Codex: a path-based socket (docker.sock, a session bus) is a service outside the sandbox. */
    @Test
    void unixConnectFailsWithEpermWhenNetworkIsOffButSocketpairsWork() throws IOException {
        Path sock = ws.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Run r = Run.bash(sandbox, SandboxPolicy.readOnly(false), ws, UNIX_CONNECT + sock
                    + "; perl -MSocket -e 'socket(my $s, PF_INET6, SOCK_DGRAM, 0) or die \"inet6: $!\\n\"'"
                    + "; perl -MSocket -e 'socketpair(my $a, my $b, AF_UNIX, SOCK_STREAM, 0) or die \"pair: $!\\n\";"
                    + " syswrite($a, \"x\") or die \"write: $!\\n\"; sysread($b, my $c, 1); print \"pair-ok $c\\n\"'");
            assertTrue(r.err().contains("connect: Operation not permitted"), r.err());
            assertFalse(r.out().contains("unix-ok"), r.out());
            assertTrue(r.err().contains("inet6: Operation not permitted"), r.err());
            assertTrue(r.out().contains("pair-ok x"), r.out() + r.err());
        }
    }

    @Test
    void unixConnectWorksWhenNetworkIsOn() throws IOException {
        Path sock = ws.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Run r = Run.bash(sandbox, SandboxPolicy.readOnly(true), ws, UNIX_CONNECT + sock);
            assertEquals("unix-ok\n", r.out(), r.err());
        }
    }

    @Test
    void networkDisabledMarkerIsSetOnlyWhenNetworkIsOff() throws IOException {
        String show = "echo \"[${" + Sandbox.NETWORK_DISABLED_ENV + "}]\"";
        assertEquals("[1]\n", Run.bash(sandbox, SandboxPolicy.readOnly(false), ws, show).out());
        assertEquals("[]\n", Run.bash(sandbox, SandboxPolicy.readOnly(true), ws, show).out());
    }
}
