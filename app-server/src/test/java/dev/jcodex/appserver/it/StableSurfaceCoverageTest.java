package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.RequestMethod;
import dev.jcodex.protocol.ServerNotifications;
import dev.jcodex.protocol.ServerRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stable protocol surface of the reference Codex (version pinned in {@code scripts/reference-codex}) against
 * jcodex's registries: every stable client request, server request and server notification the reference's own
 * {@code app-server generate-json-schema} exports must be in jcodex (client requests also routed by the daemon's
 * dispatcher), or on the reasoned exclusion list {@code coverage-exclusions.txt}. The list is produced at test
 * time from the installed binary; nothing of the reference's schema is stored in the repo. Skips (does not pass)
 * when the reference cannot be installed, e.g. offline.
 */
class StableSurfaceCoverageTest {
    @TempDir Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStableMethodOfTheReferenceIsImplementedOrExcludedWithAReason() throws Exception {
        Path schema = exportReferenceSchema();
        Map<String, Set<String>> reference = new LinkedHashMap<>();
        reference.put("client request", methods(schema.resolve("ClientRequest.json")));
        reference.put("server request", methods(schema.resolve("ServerRequest.json")));
        reference.put("server notification", methods(schema.resolve("ServerNotification.json")));
        assertFalse(reference.get("client request").isEmpty(), "the exported ClientRequest union lists no methods");

        Map<String, Set<String>> jcodex = new LinkedHashMap<>();
        AppServer server = new AppServer(new ConfigLoader(Files.createDirectories(tmp.resolve("home")), List.of(), null));
        jcodex.put("client request", ClientRequests.ALL.stream().map(RequestMethod::name)
                .filter(server.dispatcher()::knows).collect(Collectors.toCollection(TreeSet::new)));
        jcodex.put("server request", ServerRequests.ALL.stream().map(RequestMethod::name)
                .collect(Collectors.toCollection(TreeSet::new)));
        jcodex.put("server notification", new TreeSet<>(ServerNotifications.all().values()));

        Map<String, String> excluded = exclusions();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Set<String> allReference = new TreeSet<>();
        for (var e : reference.entrySet()) {
            allReference.addAll(e.getValue());
            for (String m : e.getValue()) {
                boolean has = jcodex.get(e.getKey()).contains(m);
                if (!has && !excluded.containsKey(m)) missing.add(e.getKey() + " " + m);
                if (has && excluded.containsKey(m)) stale.add(m + " (jcodex has it now)");
            }
        }
        for (String m : excluded.keySet()) if (!allReference.contains(m)) stale.add(m + " (not in the reference's stable surface)");
        assertTrue(missing.isEmpty(), missing.size() + " stable method(s) of the reference missing in jcodex and not in"
                + " coverage-exclusions.txt:\n  " + String.join("\n  ", missing));
        assertTrue(stale.isEmpty(), "coverage-exclusions.txt lists methods it must not:\n  " + String.join("\n  ", stale));
    }

    /** The reference's stable schema, exported by the binary itself into a temp dir. */
    private Path exportReferenceSchema() throws Exception {
        Path script = repoRoot().resolve("scripts/reference-codex");
        assumeTrue(Files.isExecutable(script), "skipped: " + script + " not found");
        Process install = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String bin = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean done = install.waitFor(10, TimeUnit.MINUTES);
        assumeTrue(done && install.exitValue() == 0 && !bin.isEmpty(),
                "skipped: the reference Codex could not be installed (scripts/reference-codex failed; registry unreachable?)");
        Path out = tmp.resolve("schema");
        Process export = new ProcessBuilder(bin, "app-server", "generate-json-schema", "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(export.waitFor(2, TimeUnit.MINUTES), "generate-json-schema did not finish");
        assertEquals(0, export.exitValue(), "generate-json-schema failed:\n" + log);
        return out;
    }

    /** The method names of a JSON-RPC union: each variant's {@code method} enum. */
    private static Set<String> methods(Path union) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode variant : JSON.readTree(union.toFile()).path("oneOf")) {
            JsonNode e = variant.path("properties").path("method").path("enum");
            assertTrue(e.isArray() && e.size() == 1, "unexpected variant shape in " + union.getFileName() + ": " + variant);
            names.add(e.get(0).asText());
        }
        return names;
    }

    /** {@code method | reason} per line; # comments. Every entry needs a reason. */
    static Map<String, String> exclusions() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = StableSurfaceCoverageTest.class.getResourceAsStream("/coverage-exclusions.txt")) {
            assertNotNull(in, "coverage-exclusions.txt not on the test classpath");
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.strip().startsWith("#")) continue;
                int bar = line.indexOf('|');
                assertTrue(bar > 0 && !line.substring(bar + 1).isBlank(),
                        "coverage-exclusions.txt line " + n + ": expected `method | reason`: " + line);
                assertNull(out.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip()),
                        "coverage-exclusions.txt line " + n + ": duplicate entry");
            }
        }
        return out;
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/reference-codex"))) dir = dir.getParent();
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
