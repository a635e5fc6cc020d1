package dev.jcodex.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's TypeScript bindings. They are generated from the JSON Schema by json-schema-to-typescript (a
 * Node tool, run by scripts/generate-protocol) and bundled into this jar at build time, so a Java-only install
 * can still write them; the extension's protocol test fails when they fall behind the schema.
 */
public final class ProtocolTypeScript {
    public static final String FILE = "index.ts";

    private ProtocolTypeScript() {}

    public static String bundled() throws IOException {
        try (InputStream in = ProtocolTypeScript.class.getResourceAsStream("ts/" + FILE)) {
            if (in == null) throw new IOException("TypeScript bindings missing from the jar (built without vscode-extension/src/protocol)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
