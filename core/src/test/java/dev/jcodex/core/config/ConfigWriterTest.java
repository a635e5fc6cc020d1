package dev.jcodex.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {
    static final int WRITES = 150;

    /** Run in a second JVM by the test: {@code WRITES} acknowledged writes of {@code <prefix>.k<i>}. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; i < WRITES; i++) {
            ConfigWriter.write(file, List.of(new ConfigWriter.Edit(args[1] + ".k" + i, (long) i, false)), null);
        }
    }

    @Test
    void twoProcessesWritingTheSameConfigLoseNoAcknowledgedEdit(@TempDir Path home) throws Exception {
        Path file = home.resolve("config.toml");
        Files.writeString(file, "# mine\nmodel = \"m\"\n");
        Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ConfigWriterTest.class.getName(), file.toString(), "other")
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", r.readLine());
        for (int i = 0; i < WRITES; i++) {
            ConfigWriter.write(file, List.of(new ConfigWriter.Edit("mine.k" + i, (long) i, false)), null);
        }
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        String rest = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, other.exitValue(), rest);
        String text = Files.readString(file);
        assertEquals(2 * WRITES, countKeys(text), "lost writes:\n" + text);
        assertTrue(text.startsWith("# mine\nmodel = \"m\"\n"), text);
    }

    private static int countKeys(String text) {
        int n = 0;
        for (String line : text.split("\n")) if (line.matches("((mine|other)\\.)?k\\d+ = \\d+")) n++;
        return n;
    }

    @Test
    void aSymlinkedConfigIsWrittenThroughItsLink(@TempDir Path root) throws Exception {
        Path dotfiles = Files.createDirectories(root.resolve("dotfiles/codex"));
        Path real = dotfiles.resolve("config.toml");
        Files.writeString(real, "model = \"a\"\n");
        Path home = Files.createDirectories(root.resolve("home"));
        Path link = home.resolve("config.toml");
        Files.createSymbolicLink(link, Path.of("../dotfiles/codex/config.toml")); // relative, as dotfile managers make them
        ConfigWriter.Result r = ConfigWriter.write(link, List.of(new ConfigWriter.Edit("model", "b", false)), null);
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a regular file");
        assertEquals(Path.of("../dotfiles/codex/config.toml"), Files.readSymbolicLink(link));
        assertEquals("model = \"b\"\n", Files.readString(real));
        assertEquals(FileVersion.of(Files.readAllBytes(real)), r.version());
        // no temp file left beside the link or the target
        try (var s = Files.list(dotfiles)) { assertEquals(List.of(real), s.toList()); }
        // a dangling link: the write creates its target
        Path dangling = Files.createDirectories(root.resolve("home2")).resolve("config.toml");
        Files.createSymbolicLink(dangling, dotfiles.resolve("new.toml"));
        ConfigWriter.write(dangling, List.of(new ConfigWriter.Edit("model", "c", false)), null);
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("model = \"c\"\n", Files.readString(dotfiles.resolve("new.toml")));
    }
}
