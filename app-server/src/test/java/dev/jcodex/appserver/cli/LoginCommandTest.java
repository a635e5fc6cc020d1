package dev.jcodex.appserver.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** login --with-api-key / login status / logout, against CODEX_HOME/auth.json in Codex's format. */
class LoginCommandTest {
    @TempDir Path home;

    @Test
    void loginSavesTheKeyFromStdinOwnerOnlyInCodexFormat() throws Exception {
        Cli r = Cli.run(home, "sk-proj-abcdefghijklmnop1234\n", "login", "--with-api-key");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out(), "messages go to stderr");
        Path auth = home.resolve("auth.json");
        JsonNode json = new ObjectMapper().readTree(Files.readString(auth));
        assertEquals("apikey", json.path("auth_mode").asText());
        assertEquals("sk-proj-abcdefghijklmnop1234", json.path("OPENAI_API_KEY").asText(), "trailing newline stripped");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(auth)));

        Cli status = Cli.run(home, "", "login", "status");
        assertEquals(0, status.code());
        assertTrue(status.err().contains("sk-proj-***p1234"), status.err());
        assertFalse(status.err().contains("abcdefgh"), "the key is masked: " + status.err());
    }

    @Test
    void emptyStdinIsRefusedAndWritesNothing() {
        Cli r = Cli.run(home, "  \n", "login", "--with-api-key");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("No API key provided via stdin."), r.err());
        assertFalse(Files.exists(home.resolve("auth.json")));
    }

    @Test
    void loginWithoutWithApiKeySaysWhatIsSupported() {
        Cli r = Cli.run(home, "", "login");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--with-api-key"), r.err());
    }

    @Test
    void statusAndLogoutWhenNotLoggedIn() {
        assertEquals(1, Cli.run(home, "", "login", "status").code());
        Cli out = Cli.run(home, "", "logout");
        assertEquals(0, out.code());
        assertTrue(out.err().contains("Not logged in"), out.err());
    }

    @Test
    void logoutRemovesTheKey() {
        assertEquals(0, Cli.run(home, "sk-test", "login", "--with-api-key").code());
        Cli out = Cli.run(home, "", "logout");
        assertEquals(0, out.code());
        assertTrue(out.err().contains("Successfully logged out"), out.err());
        assertFalse(Files.exists(home.resolve("auth.json")));
        Cli status = Cli.run(home, "", "login", "status");
        assertEquals(1, status.code());
        assertTrue(status.err().contains("Not logged in"), status.err());
    }

    @Test
    void shortKeysAreFullyMasked() {
        assertEquals("***", LoginCommand.mask("sk-test"));
        assertEquals("sk-proj-***p1234", LoginCommand.mask("sk-proj-abcdefghijklmnop1234"));
    }
}
