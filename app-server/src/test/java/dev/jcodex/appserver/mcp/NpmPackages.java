package dev.jcodex.appserver.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Installs npm packages that tests run (MCP servers) into a cache outside the repo, once, with the
 * ordinary npm client. When npm or the registry is unavailable the calling test is skipped with a clear
 * reason rather than failed: it tests our code against a third-party program, not the network.
 */
final class NpmPackages {
    /** Pinned: npm picks the newest version whose engines match the running Node, so say which one we mean. */
    static final String SERVER_EVERYTHING = "@modelcontextprotocol/server-everything@2026.8.31";

    private NpmPackages() {}

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jcodex-test-npm");
    }

    /** The path of {@code binName} from {@code spec}, installing it first if needed; skips the test if it cannot. */
    static synchronized Path bin(String spec, String binName) {
        Path dir = cacheDir();
        Path bin = dir.resolve("node_modules/.bin").resolve(binName);
        if (Files.isExecutable(bin)) return bin;
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve("package.json"))) Files.writeString(dir.resolve("package.json"), "{\"private\":true}\n");
            Process p = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", spec))
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly();
            String log = Files.exists(dir.resolve("npm-install.log")) ? Files.readString(dir.resolve("npm-install.log")) : "";
            Assumptions.assumeTrue(done && p.exitValue() == 0 && Files.isExecutable(bin),
                    "SKIPPED: could not install " + spec + " with npm (registry unreachable?): " + tail(log));
        } catch (IOException e) {
            Assumptions.abort("SKIPPED: npm is not available to install " + spec + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("interrupted while installing " + spec);
        }
        return bin;
    }

    private static String tail(String s) {
        return s.length() <= 600 ? s.strip() : s.substring(s.length() - 600).strip();
    }
}
