package dev.jcodex.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Landlock ABI 6 scopes: the daemon cannot be signalled, host abstract sockets are unreachable offline. */
class IpcScopeTest {
    static Sandbox sandbox;

    @TempDir Path ws;

    @BeforeAll
    static void abi6() {
        sandbox = Sandbox.forcing(Mechanism.LANDLOCK_SECCOMP);
        assumeTrue(sandbox.landlockAbi() >= 6, () -> "Landlock ABI 6 (IPC scoping) unavailable: ABI "
                + sandbox.landlockAbi() + " " + sandbox.unavailableReason().orElse(""));
    }

    @Test
    void theDaemonCannotBeSignalledButOwnChildrenCan() throws IOException {
        long daemon = ProcessHandle.current().pid();
        Run r = Run.bash(sandbox, SandboxPolicy.readOnly(true), ws,
                "sleep 30 & kill $! && echo own-ok; kill -0 " + daemon + " && echo daemon-reachable; exit 0");
        assertTrue(r.out().contains("own-ok"), r.out() + r.err());
        assertFalse(r.out().contains("daemon-reachable"), r.out());
        assertTrue(r.err().contains("Operation not permitted"), r.err());
    }

    @Test
    void abstractUnixSocketsOutsideAreUnreachableWhenNetworkIsOff() throws Exception {
        String name = "jcodex-test-" + UUID.randomUUID();
        String connect = "perl -MSocket -e 'socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die \"socket: $!\\n\";"
                + " connect($s, pack_sockaddr_un(\"\\0" + name + "\")) or die \"connect: $!\\n\"; print \"connected\\n\"'";
        Process server = new ProcessBuilder("perl", "-MSocket", "-e",
                "socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die; bind($s, pack_sockaddr_un(\"\\0" + name + "\")) or die;"
                        + " listen($s, 5) or die; $| = 1; print \"ready\\n\"; while (accept(my $c, $s)) { close $c }")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var ready = new BufferedReader(new InputStreamReader(server.getInputStream())).readLine();
            assertEquals("ready", ready);
            Run offline = Run.bash(sandbox, SandboxPolicy.readOnly(false), ws, connect);
            assertFalse(offline.out().contains("connected"), offline.out());
            assertTrue(offline.err().contains("connect: Operation not permitted"), offline.err());
            Run online = Run.bash(sandbox, SandboxPolicy.readOnly(true), ws, connect);
            assertEquals("connected\n", online.out(), online.err());
        } finally {
            server.destroyForcibly();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
