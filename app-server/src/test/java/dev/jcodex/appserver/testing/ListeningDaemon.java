package dev.jcodex.appserver.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real daemon started with {@code --listen ws://127.0.0.1:0} or {@code unix://PATH}; knows its bound address. */
public final class ListeningDaemon implements AutoCloseable {
    private final Process process;
    private final Path home;
    private final Path work;
    public final String address;

    private ListeningDaemon(Process process, Path home, Path work, String address) {
        this.process = process;
        this.home = home;
        this.work = work;
        this.address = address;
    }

    public static ListeningDaemon start(String configToml, Map<String, String> env, String... serverArgs) throws Exception {
        Path root = Files.createTempDirectory("jcodex-sock-");
        Path home = Files.createDirectories(root.resolve("home"));
        Path work = Files.createDirectories(root.resolve("work"));
        if (configToml != null) Files.writeString(home.resolve("config.toml"), configToml);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:+DisableAttachMechanism", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-cp", System.getProperty("java.class.path"), "dev.jcodex.appserver.cli.Main", "app-server"));
        for (String a : serverArgs) cmd.add(a.replace("${HOME}", home.toString()).replace("${ROOT}", root.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().put("CODEX_HOME", home.toString());
        pb.environment().put("MOCK_API_KEY", "test-key"); // the mock provider's env_key, as Daemon sets it
        pb.environment().putAll(env);
        Path err = home.resolve("daemon.stderr.log");
        pb.redirectError(err.toFile());
        pb.redirectOutput(home.resolve("daemon.stdout.log").toFile());
        Process p = pb.start();
        Pattern listening = Pattern.compile("listening on (\\S+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(err)) {
                Matcher m = listening.matcher(Files.readString(err));
                if (m.find()) return new ListeningDaemon(p, home, work, m.group(1));
            }
            if (!p.isAlive()) throw new AssertionError("daemon exited " + p.exitValue() + ": " + Files.readString(err));
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("daemon did not report its address: " + Files.readString(err));
    }

    public int port() { return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)); }

    public Path unixPath() { return Path.of(address.substring("unix://".length())); }

    public Path home() { return home; }
    public Path work() { return work; }
    public Process process() { return process; }

    public String stderr() throws IOException { return Files.readString(home.resolve("daemon.stderr.log")); }

    /** Resident memory of the daemon in KiB, from /proc. */
    public long rssKib() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the shutdown path
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
