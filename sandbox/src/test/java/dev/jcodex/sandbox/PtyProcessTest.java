package dev.jcodex.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Commands on a real pseudo-terminal: plain, under Landlock + seccomp, and under bubblewrap. */
class PtyProcessTest {
    @TempDir Path ws;
    @TempDir Path outside;

    enum Kind { PLAIN, LANDLOCK, BUBBLEWRAP }

    private PtyProcess start(Kind kind, PtyProcess.Size size, String script) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().put("TERM", "dumb");
        return switch (kind) {
            case PLAIN -> Sandbox.system().startPty(pb, size, SandboxPolicy.dangerFullAccess(), ws);
            case LANDLOCK -> sandbox(Mechanism.LANDLOCK_SECCOMP).startPty(pb, size, Run.workspaceOnly(false), ws);
            case BUBBLEWRAP -> sandbox(Mechanism.BUBBLEWRAP).startPty(pb, size, Run.workspaceOnly(false), ws);
        };
    }

    private static Sandbox sandbox(Mechanism m) {
        Sandbox s = Sandbox.forcing(m);
        assumeTrue(s.mechanism() == m, () -> "SKIPPED: " + m + " unavailable here: " + s.unavailableReason().orElse(""));
        return s;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCommandLeadsASessionOnItsOwnTerminalOfTheRequestedSize(Kind kind) throws Exception {
        PtyProcess p = start(kind, new PtyProcess.Size(33, 101),
                "tty; stty size; [ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo all-three-are-ttys; echo err >&2; "
                        + "ps -o sid=,tpgid=,pgid= -p $$");
        Screen s = new Screen(p);
        assertEquals(0, s.exit());
        String out = s.text();
        assertTrue(out.contains("33 101\r\n"), out);
        assertTrue(out.contains("all-three-are-ttys\r\nerr\r\n"), "stderr is the terminal too: " + out);
        if (kind != Kind.BUBBLEWRAP) {
            // bubblewrap's fresh /dev has no /dev/pts/N of the host, so ttyname() resolves elsewhere there
            assertTrue(out.startsWith(p.terminalName() + "\r\n"), out);
            assertTrue(p.terminalName().startsWith("/dev/pts/"), p.terminalName());
            // session id == terminal foreground group == process group == our pid: a session leader owning it
            Matcher m = Pattern.compile("(\\d+) +(\\d+) +(\\d+)\r\n").matcher(out);
            assertTrue(m.find(), out);
            String pid = String.valueOf(p.pid());
            assertEquals(List.of(pid, pid, pid), List.of(m.group(1), m.group(2), m.group(3)), out);
        }
        assertEquals("", new String(p.getErrorStream().readAllBytes()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void resizeSetsTheSizeAndSignalsSigwinch(Kind kind) throws Exception {
        PtyProcess p = start(kind, new PtyProcess.Size(10, 40),
                "trap 'echo winch' WINCH; echo ready $(stty size); read line; echo after $(stty size) $line");
        Screen s = new Screen(p);
        s.await("ready 10 40");
        p.resize(50, 132);
        assertArrayEquals(new int[] {50, 132}, p.size());
        p.getOutputStream().write("go\n".getBytes());
        p.getOutputStream().flush();
        assertEquals(0, s.exit());
        assertTrue(s.text().contains("winch\r\n"), "SIGWINCH reaches the foreground group: " + s.text());
        assertTrue(s.text().contains("after 50 132 go\r\n"), s.text());
    }

    @Test
    void keyboardRoundTripAndEndOfInput() throws Exception {
        PtyProcess p = start(Kind.PLAIN, PtyProcess.Size.DEFAULT, "tr a-z A-Z; echo done");
        Screen s = new Screen(p);
        p.getOutputStream().write("hello\n".getBytes());
        p.getOutputStream().flush();
        s.await("HELLO\r\n");
        p.getOutputStream().write("half".getBytes());
        p.getOutputStream().close(); // ^D ^D: hands over "half", then end of file
        assertEquals(0, s.exit());
        assertTrue(s.text().contains("hello\r\nHELLO\r\n"), "echo of what was typed, then the output: " + s.text());
        assertTrue(s.text().contains("HALF") && s.text().endsWith("done\r\n"), s.text());
        assertThrows(IOException.class, () -> p.getOutputStream().write('x'));
    }

    @Test
    void controlCInterruptsTheForegroundGroup() throws Exception {
        PtyProcess p = start(Kind.PLAIN, PtyProcess.Size.DEFAULT, "echo ready; exec sleep 60");
        Screen s = new Screen(p);
        s.await("ready");
        // bash has exec'ed sleep by the time it blocks; ^C is only ever a byte on the wire
        for (int i = 0; i < 100 && !p.toHandle().info().command().orElse("").endsWith("sleep"); i++) Thread.sleep(20);
        p.getOutputStream().write(3);
        p.getOutputStream().flush();
        assertEquals(128 + 2, s.exit(), "SIGINT from the terminal's line discipline");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void destroyForciblyKillsTheWholeGroup(Kind kind) throws Exception {
        Path marker = ws.resolve("bg-" + kind);
        PtyProcess p = start(kind, PtyProcess.Size.DEFAULT,
                "(sleep 0.5; exec sleep 300) & echo started; sleep 300; touch '" + marker + "'");
        Screen s = new Screen(p);
        s.await("started");
        List<ProcessHandle> tree = awaitDescendants(p, 2);
        p.destroyForcibly();
        assertEquals(128 + 9, s.exit());
        for (ProcessHandle h : tree) {
            assertTrue(h.onExit().get(10, TimeUnit.SECONDS) != null);
            assertFalse(h.isAlive(), "left running: " + h.info());
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void confinementStillAppliesOnATerminal() throws Exception {
        Path inside = ws.resolve("in.txt");
        Path out = outside.resolve("out.txt");
        PtyProcess p = start(Kind.LANDLOCK, PtyProcess.Size.DEFAULT,
                "echo x > '" + inside + "' && echo inside-ok; echo y > '" + out + "' || echo outside-denied; tty");
        Screen s = new Screen(p);
        assertEquals(0, s.exit());
        assertTrue(s.text().contains("inside-ok") && s.text().contains("outside-denied"), s.text());
        assertTrue(Files.exists(inside));
        assertFalse(Files.exists(out));
    }

    @Test
    void theTerminalClosesWhenTheLastWriterIsGoneAndNoDescriptorLeaks() throws Exception {
        long before = masters();
        for (int i = 0; i < 5; i++) {
            PtyProcess p = start(Kind.PLAIN, PtyProcess.Size.DEFAULT, "echo " + i);
            Screen s = new Screen(p);
            assertEquals(0, s.exit());
            assertEquals(i + "\r\n", s.text());
            assertThrows(IOException.class, () -> p.resize(5, 5), "closed once the output ended");
        }
        // an earlier test's terminal may still be closing (that only lowers the count): wait, never fixed sleeps
        for (int i = 0; i < 500 && masters() > before; i++) Thread.sleep(20);
        assertTrue(masters() <= before, "leaked pty masters: " + masters() + " > " + before);
    }

    @Test
    void closingTheTerminalHangsUpWhatStillRunsOnIt() throws Exception {
        PtyProcess p = start(Kind.PLAIN, PtyProcess.Size.DEFAULT, "echo ready; sleep 300");
        Screen s = new Screen(p);
        s.await("ready");
        p.closeTerminal();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(128 + 1, p.exitValue(), "SIGHUP");
    }

    @Test
    void aWriteTheProgramNeverReadsFailsInsteadOfHangingItsCaller() throws Exception {
        PtyProcess p = start(Kind.PLAIN, PtyProcess.Size.DEFAULT, "echo ready; exec sleep 300");
        Screen s = new Screen(p);
        s.await("ready");
        byte[] lines = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n".repeat(16 * 1024)
                .getBytes(StandardCharsets.US_ASCII); // 1 MiB, far beyond what a terminal buffers
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> p.getOutputStream().write(lines));
        long s10 = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(e.getMessage().contains("has not read it"), e.getMessage());
        assertTrue(s10 >= 9 && s10 < 60, s10 + " s");
        p.destroyForcibly();
        assertEquals(128 + 9, s.exit());
    }

    @Test
    void aMissingProgramFailsLikeProcessBuilder() {
        IOException e = assertThrows(IOException.class, () -> Sandbox.system().startPty(
                new ProcessBuilder("no-such-program-jcodex"), PtyProcess.Size.DEFAULT, SandboxPolicy.dangerFullAccess(), ws));
        assertTrue(e.getMessage().contains("error=2"), e.getMessage());
    }

    private static List<ProcessHandle> awaitDescendants(Process p, int n) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<ProcessHandle> d = p.descendants().toList();
            if (d.size() >= n) return d;
            Thread.sleep(20);
        }
        fail("fewer than " + n + " descendants appeared");
        return List.of();
    }

    /** Open pty masters of this JVM. */
    private static long masters() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(f -> {
                try {
                    return Files.readSymbolicLink(f).toString().endsWith("ptmx");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    /** Collects a terminal's output on a thread of its own. */
    static final class Screen {
        private final PtyProcess p;
        private final StringBuilder text = new StringBuilder();
        private final Thread reader;

        Screen(PtyProcess p) {
            this.p = p;
            this.reader = Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[4096];
                try (InputStream in = p.getInputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (text) {
                            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            text.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // ends the screen
                }
            });
        }

        String text() {
            synchronized (text) { return text.toString(); }
        }

        void await(String wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (text) {
                while (!text.toString().contains(wanted)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) fail("no \"" + wanted + "\" on the terminal: " + text);
                    text.wait(left);
                }
            }
        }

        /** The exit code, once the output has ended too. */
        int exit() throws InterruptedException {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running: " + text());
            reader.join(java.time.Duration.ofSeconds(30));
            assertFalse(reader.isAlive(), "output never ended: " + text());
            return p.exitValue();
        }
    }
}
