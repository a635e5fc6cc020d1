package dev.jcodex.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a terminal costs against pipes: spawn-to-exit and bulk output; the numbers go to target/pty-overhead.txt. */
class PtyOverheadTest {
    private static final int N = 40;
    private static final long BULK = 50_000_000;

    @TempDir Path ws;

    private interface Starter { Process start(ProcessBuilder pb) throws IOException; }

    /** Runs to exit with the output drained; returns how many bytes came out. */
    private static long run(Starter s, ProcessBuilder pb) throws Exception {
        Process p = s.start(pb);
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = p.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) total += n;
        }
        assertEquals(0, p.waitFor());
        return total;
    }

    private static double medianMillis(Starter s) throws Exception {
        for (int i = 0; i < 5; i++) run(s, new ProcessBuilder("true")); // warm-up: class loading, JIT
        long[] t = new long[N];
        for (int i = 0; i < N; i++) {
            long t0 = System.nanoTime();
            run(s, new ProcessBuilder("true"));
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t[N / 2] / 1e6;
    }

    private static double megabytesPerSecond(Starter s) throws Exception {
        long t0 = System.nanoTime();
        long bytes = run(s, new ProcessBuilder("head", "-c", String.valueOf(BULK), "/dev/zero"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(BULK, bytes, "a terminal passes NUL bytes through unchanged");
        return bytes / 1e6 / seconds;
    }

    @Test
    void aTerminalCostsAFewMillisecondsAndKeepsUpWithBulkOutput() throws Exception {
        SandboxPolicy full = SandboxPolicy.dangerFullAccess();
        Starter pipes = pb -> Sandbox.system().start(pb, full, ws);
        Starter pty = pb -> Sandbox.system().startPty(pb, PtyProcess.Size.DEFAULT, full, ws);
        double pipeMs = medianMillis(pipes);
        double ptyMs = medianMillis(pty);
        StringBuilder report = new StringBuilder();
        report.append("median of %d runs of `true`, spawn to exit with output drained (ms)%n".formatted(N));
        report.append("pipes (ProcessBuilder):       %.2f%n".formatted(pipeMs));
        report.append("pty, unconfined:              %.2f%n".formatted(ptyMs));
        Sandbox landlock = Sandbox.forcing(Mechanism.LANDLOCK_SECCOMP);
        if (landlock.mechanism() == Mechanism.LANDLOCK_SECCOMP) {
            SandboxPolicy policy = SandboxPolicy.workspaceWrite(java.util.List.of(), false, true, true);
            double confined = medianMillis(pb -> landlock.startPty(pb, PtyProcess.Size.DEFAULT, policy, ws));
            report.append("pty, landlock+seccomp:        %.2f%n".formatted(confined));
        }
        double pipeRate = megabytesPerSecond(pipes);
        double ptyRate = megabytesPerSecond(pty);
        report.append("%d MB of output: pipes %.0f MB/s, pty %.0f MB/s%n".formatted(BULK / 1_000_000, pipeRate, ptyRate));
        Files.writeString(Path.of("target", "pty-overhead.txt"), report);
        System.out.print(report);
        assertTrue(ptyMs < pipeMs + 50, report.toString());
        assertTrue(ptyRate > 5, report.toString());
    }
}
