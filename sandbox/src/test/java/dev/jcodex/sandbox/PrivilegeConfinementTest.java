package dev.jcodex.sandbox;

import dev.jcodex.sandbox.linux.Syscalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Capabilities and terminal injection on the Landlock + seccomp path. The root cases are what CI runs (as
 * root): there a command that kept its capabilities could mknod a disk, set the hostname or push keystrokes
 * into any terminal.
 */
class PrivilegeConfinementTest {
    static Sandbox sandbox;

    @TempDir Path ws;

    @BeforeAll
    static void landlock() {
        sandbox = Sandbox.forcing(Mechanism.LANDLOCK_SECCOMP);
        assumeTrue(sandbox.mechanism() == Mechanism.LANDLOCK_SECCOMP,
                () -> "Landlock/seccomp unavailable on this kernel: " + sandbox.unavailableReason().orElse(""));
    }

    private static boolean root() throws IOException {
        return Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t");
    }

    private static long field(String status, String name) {
        Matcher m = Pattern.compile(name + ":\\s+([0-9a-f]+)").matcher(status);
        assertTrue(m.find(), status);
        return Long.parseUnsignedLong(m.group(1), 16);
    }

    @Test
    void aSandboxedCommandHoldsNoCapabilityAndCannotRegainOne() throws IOException {
        for (SandboxPolicy policy : new SandboxPolicy[] {Run.workspaceOnly(true), SandboxPolicy.readOnly(false)}) {
            // the exec of bash by root is where capabilities would come back without SECBIT_NOROOT
            Run r = Run.bash(sandbox, policy, ws, "cat /proc/self/status");
            assertEquals(0, r.exit(), r.err());
            assertEquals(0, field(r.out(), "CapEff"), r.out());
            assertEquals(0, field(r.out(), "CapPrm"), r.out());
            assertEquals(0, field(r.out(), "CapInh"), r.out());
            assertEquals(0, field(r.out(), "CapAmb"), r.out());
            if (root()) assertEquals(0, field(r.out(), "CapBnd"), "bounding set emptied under root: " + r.out());
        }
    }

    @Test
    void mknodOfABlockDeviceInsideTheWorkspaceFails() throws IOException {
        assumeTrue(root(), "SKIPPED: only root holds CAP_MKNOD");
        Run r = Run.bash(sandbox, Run.workspaceOnly(false), ws,
                "mknod disk b 7 0 && echo made; mknod tty c 5 0 && echo made-char; echo done");
        assertFalse(r.out().contains("made"), r.out() + r.err());
        assertTrue(r.out().contains("done"), r.err());
        assertFalse(Files.exists(ws.resolve("disk")));
        assertFalse(Files.exists(ws.resolve("tty")));
    }

    @Test
    void sethostnameFails() throws IOException {
        assumeTrue(root(), "SKIPPED: only root holds CAP_SYS_ADMIN");
        // sets the current name again, so a sandbox that lets it through changes nothing on the host
        Run r = Run.bash(sandbox, Run.workspaceOnly(true), ws,
                "python3 -c 'import socket; socket.sethostname(socket.gethostname()); print(\"set\")'");
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.err().contains("PermissionError") || r.err().contains("Operation not permitted"), r.err());
    }

    /**
     * reboot(2) checks CAP_SYS_BOOT before it looks at the command, so an invalid command tells the two apart
     * without rebooting anything: EPERM without the capability, EINVAL with it.
     */
    @Test
    void rebootFailsTheCapabilityCheck() throws IOException {
        assumeTrue(root(), "SKIPPED: only root holds CAP_SYS_BOOT");
        Run r = Run.bash(sandbox, Run.workspaceOnly(true), ws, "python3 -c '\n"
                + "import ctypes, errno\n"
                + "libc = ctypes.CDLL(None, use_errno=True)\n"
                + "libc.reboot(0x7e57c0de)\n"
                + "print(errno.errorcode[ctypes.get_errno()])\n'");
        assertEquals("EPERM\n", r.out(), r.err());
    }

    /** TIOCSTI into a terminal outside the sandbox (as root that needs no ownership) and into the command's own. */
    @Test
    void tiocstiAndTioclinuxAreDeniedOnEveryTerminal() throws Exception {
        Syscalls.OpenedPty outside = Syscalls.openPty();
        try {
            String probe = "python3 -c '\n"
                    + "import errno, fcntl, os, sys, termios\n"
                    + "fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY) if len(sys.argv) > 1 else 0\n"
                    + "for name, req in ((\"TIOCSTI\", termios.TIOCSTI), (\"TIOCLINUX\", 0x541C)):\n"
                    + "    try:\n"
                    + "        fcntl.ioctl(fd, req, b\"\\x0b\")\n"
                    + "        print(name, \"passed\")\n"
                    + "    except OSError as e:\n"
                    + "        print(name, errno.errorcode[e.errno])\n"
                    + "' ";
            for (boolean network : new boolean[] {true, false}) {
                Run r = Run.bash(sandbox, Run.workspaceOnly(network), ws, probe + outside.slavePath());
                assertEquals(0, r.exit(), r.err());
                assertEquals("TIOCSTI EPERM\nTIOCLINUX EPERM\n", r.out(), "network " + network + ": " + r.err());
            }
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", probe);
            PtyProcess p = sandbox.startPty(pb, new PtyProcess.Size(24, 80), Run.workspaceOnly(true), ws);
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor());
            assertTrue(out.contains("TIOCSTI EPERM") && out.contains("TIOCLINUX EPERM"), out);
        } finally {
            Syscalls.close(outside.masterFd());
        }
    }
}
