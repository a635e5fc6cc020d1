package dev.jcodex.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** {@code CODEX_HOME/auth.json} (the file Codex uses): an API key stored owner-only (0600). */
public final class AuthStore {
    private AuthStore() {}

    public static Path file(Path codexHome) { return codexHome.resolve("auth.json"); }

    public static void saveApiKey(Path codexHome, String key) throws IOException {
        Files.createDirectories(codexHome);
        Path tmp = Files.createTempFile(codexHome, ".auth-", ".json.tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, Json.object().put("auth_mode", "apikey").put("OPENAI_API_KEY", key).toString());
            Files.move(tmp, file(codexHome), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Logout: forgets the saved key. True when there was one. */
    public static boolean clear(Path codexHome) throws IOException {
        return Files.deleteIfExists(file(codexHome));
    }

    /** The stored API key, or null. */
    public static String apiKey(Path codexHome) {
        Path f = file(codexHome);
        if (!Files.isRegularFile(f)) return null;
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(f));
            String k = n.path("OPENAI_API_KEY").asText(null);
            return k == null || k.isBlank() ? null : k;
        } catch (IOException e) {
            return null;
        }
    }
}
