package dev.jcodex.core.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs read-only git commands in a working tree. Output is captured up to a cap (a diff of a vendored tree
 * can be hundreds of megabytes; the review only ever shows a slice of it), and git is told not to take
 * optional locks, so a review never contends with the user's own git commands.
 */
final class Git {
    static final long TIMEOUT_SECONDS = 60;

    private final Path cwd;

    Git(Path cwd) { this.cwd = cwd; }

    Path root() { return cwd; }

    /** What one git command produced; {@code capped} when stdout was cut at the cap. */
    record Result(int exitCode, byte[] out, String err, boolean capped) {
        String text() { return new String(out, StandardCharsets.UTF_8); }
        boolean ok() { return exitCode == 0; }
    }

    Result run(int maxBytes, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("--no-pager");
        cmd.add("-c");
        cmd.add("core.quotepath=off");
        cmd.add("-c");
        cmd.add("color.ui=false");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("GIT_DIR");
        pb.environment().remove("GIT_WORK_TREE");
        pb.environment().remove("GIT_INDEX_FILE");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ReviewException("cannot run git (is it installed?): " + e.getMessage());
        }
        // stderr on its own thread so a chatty git cannot block on a full pipe while we read stdout
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> {
            try (InputStream in = p.getErrorStream()) {
                in.transferTo(err);
            } catch (IOException ignored) {
                // git exited
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean capped = false;
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                int room = maxBytes - out.size();
                if (n > room) {
                    out.write(buf, 0, Math.max(0, room));
                    capped = true;
                    p.destroyForcibly();
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (!capped) throw new ReviewException("reading git output failed: " + e.getMessage());
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ReviewException("git " + String.join(" ", args) + " took longer than " + TIMEOUT_SECONDS + " s");
            }
            errReader.join(2000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ReviewException("interrupted while running git");
        }
        int code = capped ? 0 : p.exitValue();
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8).trim(), capped);
    }

    Result run(String... args) { return run(4 * 1024 * 1024, args); }
}
