package dev.jcodex.appserver.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jcodex app-server generate-json-schema|generate-ts}: the same bytes as the committed schema/json and TS types. */
class GenerateJsonSchemaCommandTest {
    static final Path COMMITTED = Path.of("..", "schema", "json", "jcodex-protocol.schema.json");

    @Test
    void writesTheCommittedSchema(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nested/out");
        Cli r = Cli.run("app-server", "generate-json-schema", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(COMMITTED), Files.readString(out.resolve("jcodex-protocol.schema.json")));
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void generateTsWritesTheCommittedTypeScript(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("app-server", "generate-ts", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of("..", "vscode-extension", "src", "protocol", "index.ts")),
                Files.readString(dir.resolve("index.ts")));
    }

    @Test
    void outIsRequired() {
        Cli r = Cli.run("app-server", "generate-json-schema");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out"), r.err());
    }

    @Test
    void anUnwritableOutIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli r = Cli.run("app-server", "generate-json-schema", "--out", file.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(file.toString()), r.err());
    }
}
