package dev.jcodex.core.tools.patch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import dev.jcodex.sandbox.Sandbox;
import dev.jcodex.sandbox.SandboxPolicy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The apply_patch fixture suite: each directory under resources/apply_patch holds {@code before/} (the
 * workspace), {@code patch}, {@code after/} (the exact set of files expected afterwards) and, for patches
 * that must fail, {@code error} (a fragment of the message the model gets).
 */
class ApplyPatchFixturesTest {

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = root();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Path root() throws URISyntaxException {
        return Path.of(ApplyPatchFixturesTest.class.getResource("/apply_patch").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture(String name, @TempDir Path work) throws Exception {
        Path dir = root().resolve(name);
        copyTree(dir.resolve("before"), work);
        String patch = Files.readString(dir.resolve("patch"), StandardCharsets.UTF_8);
        Path errorFile = dir.resolve("error");
        String expectedError = Files.exists(errorFile) ? Files.readString(errorFile).strip() : null;

        String error = null;
        try {
            List<PlannedChange> plan = PatchEngine.plan(patch, work);
            // through the confined writer, as an unapproved patch under workspace-write is written
            PatchEngine.Outcome outcome = PatchEngine.apply(plan, Sandbox.system().files(
                    SandboxPolicy.workspaceWrite(List.of(), false, true, true), work));
            if (!outcome.success()) error = outcome.report();
            else assertTrue(outcome.report().startsWith("Success. Updated the following files:\n"), outcome.report());
        } catch (PatchException e) {
            error = e.getMessage();
        }
        if (expectedError == null) assertNull(error, "unexpected failure: " + error);
        else {
            assertNotNull(error, "the patch should have failed with: " + expectedError);
            assertTrue(error.contains(expectedError), "error `" + error + "` lacks `" + expectedError + "`");
        }
        assertEquals(tree(dir.resolve("after")), tree(work), "files after the patch");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().equals(".keep")) continue;
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /** Regular files (path → content), ignoring directories and the .keep markers. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (p.getFileName().toString().equals(".keep")) continue;
                out.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
