package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The daemon runs with the JVM's attach mechanism off. Otherwise one {@code jcmd} (by the user, or a sandboxed
 * command signalling it) leaves {@code /tmp/.java_pid<pid>}, a unix socket through which any local process
 * could have the unconfined daemon write files (Thread.print/JFR/heap dumps to a chosen path, agents).
 * The flags are taken from scripts/build, which writes them into bin/jcodex.
 */
class AttachMechanismTest {
    static List<String> launcherFlags() throws Exception {
        String build = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/build"));
        Matcher m = Pattern.compile("(?m)^FLAGS=\"([^\"]*)\"").matcher(build);
        assertTrue(m.find(), "scripts/build sets FLAGS");
        return Arrays.asList(m.group(1).split(" +"));
    }

    @Test
    void jcmdCannotAttachToTheDaemonAndNoAttachSocketAppears() throws Exception {
        List<String> flags = launcherFlags();
        assertTrue(flags.contains("-XX:+DisableAttachMechanism"), "bin/jcodex's flags: " + flags);
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path jcmd = java.resolveSibling("jcmd");
        Path home = Files.createTempDirectory("jcodex-attach-");
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jcodex.appserver.cli.Main", "app-server"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CODEX_HOME", home.toString());
        Process daemon = pb.start();
        try {
            // the daemon answers initialize once its JVM is fully up (the attach listener would be ready then)
            daemon.getOutputStream().write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n").getBytes());
            daemon.getOutputStream().flush();
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(daemon.getInputStream()));
            assertNotNull(out.readLine(), "the daemon answered initialize");
            Path socket = Path.of("/tmp/.java_pid" + daemon.pid());
            Process j = new ProcessBuilder(jcmd.toString(), String.valueOf(daemon.pid()), "VM.version")
                    .redirectErrorStream(true).start();
            String said = new String(j.getInputStream().readAllBytes());
            assertTrue(j.waitFor(60, TimeUnit.SECONDS));
            assertFalse(Files.exists(socket), "attach socket " + socket + " appeared; jcmd said: " + said);
            assertFalse(said.contains("JDK " + Runtime.version().feature()), "jcmd attached: " + said);
            assertTrue(daemon.isAlive(), "the daemon survives the attempt");
        } finally {
            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(Path.of("/tmp/.java_pid" + daemon.pid()));
        }
    }
}
