package dev.jcodex.core.mcp;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stdio MCP server gets Codex's short allow-list plus its own env_vars and env, not the daemon's secrets. */
class McpServerEnvTest {
    @TempDir Path tmp;

    @Test
    void aStdioServerSeesOnlyTheAllowListItsEnvVarsAndItsEnv() throws Exception {
        Map<String, String> daemon = System.getenv();
        // variables of this JVM that are not on the allow-list: one is asked for by env_vars, the rest must not leak
        List<String> others = daemon.keySet().stream().filter(k -> !McpServerEnv.DEFAULT_VARS.contains(k)).sorted().toList();
        assertTrue(others.size() >= 2, "the test needs two variables outside the allow-list: " + daemon.keySet());
        String passed = others.getFirst();
        Path dump = tmp.resolve("env.txt");
        McpServerConfig.Stdio stdio = new McpServerConfig.Stdio("sh", List.of("-c", "env -0 > " + dump + "; sleep 5"),
                Map.of("FROM_ENV_TABLE", "1"), List.of(passed, "NOT_SET_ANYWHERE_" + System.nanoTime()), null);
        StdioMcpTransport t = new StdioMcpTransport("envcheck", stdio);
        t.start(m -> { }, why -> { });
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while ((!Files.exists(dump) || Files.size(dump) == 0) && System.currentTimeMillis() < deadline) Thread.sleep(20);
            Thread.sleep(100);
            Map<String, String> seen = new LinkedHashMap<>();
            for (String kv : Files.readString(dump).split("\0")) {
                int eq = kv.indexOf('=');
                if (eq > 0) seen.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            Set<String> allowed = new HashSet<>(McpServerEnv.DEFAULT_VARS);
            allowed.addAll(List.of(passed, "FROM_ENV_TABLE", "PWD", "SHLVL", "_", "OLDPWD")); // the last four: sh's own
            for (String k : seen.keySet()) assertTrue(allowed.contains(k), "leaked to the MCP server: " + k);
            for (String k : others.subList(1, others.size())) {
                if (!allowed.contains(k)) assertFalse(seen.containsKey(k), "leaked to the MCP server: " + k);
            }
            assertEquals(daemon.get(passed), seen.get(passed));
            assertEquals("1", seen.get("FROM_ENV_TABLE"));
            if (daemon.get("PATH") != null) assertEquals(daemon.get("PATH"), seen.get("PATH"));
            if (daemon.get("HOME") != null) assertEquals(daemon.get("HOME"), seen.get("HOME"));
        } finally {
            t.close();
        }
    }

    @Test
    void envWinsOverEnvVarsAndTheAllowList() {
        Map<String, String> target = new LinkedHashMap<>(Map.of("SECRET", "x"));
        McpServerEnv.apply(target, Map.of("HOME", "/h", "PATH", "/p", "OPENAI_API_KEY", "sk", "MINE", "m"),
                List.of("MINE"), Map.of("PATH", "/override"));
        assertEquals(Map.of("HOME", "/h", "PATH", "/override", "MINE", "m"), target);
    }
}
