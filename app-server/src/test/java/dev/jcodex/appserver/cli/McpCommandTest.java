package dev.jcodex.appserver.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jcodex mcp add|list|get|remove editing [mcp_servers] of CODEX_HOME/config.toml, format preserved. */
class McpCommandTest {
    @TempDir Path home;

    Cli mcp(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "mcp";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(home, "", all);
    }

    @Test
    void aConfigThatDoesNotParseStopsWithFileLineAndExitOne() throws Exception {
        Files.writeString(home.resolve("config.toml"), "model = \"o3\"\nmodel_provider = \n");
        Cli list = mcp("list");
        assertEquals(1, list.code(), list.err());
        assertTrue(list.err().contains("config.toml:2:"), list.err());
        assertFalse(list.err().contains("\tat "), "no stack trace: " + list.err());
        assertEquals("", list.out());
    }

    @Test
    void addListGetRemoveRoundTripKeepsTheUsersComments() throws Exception {
        Path config = home.resolve("config.toml");
        Files.writeString(config, "# my settings\nmodel = \"o3\" # keep me\n");
        Cli add = mcp("add", "docs", "--env", "A=1", "--env", "B=x=y", "--", "npx", "-y", "server", "--flag");
        assertEquals(0, add.code(), add.err());
        assertEquals("Added global MCP server 'docs'.\n", add.out());
        assertEquals(0, mcp("add", "web", "--url", "https://x.example/mcp", "--bearer-token-env-var", "TOK").code());
        String text = Files.readString(config);
        assertTrue(text.startsWith("# my settings\nmodel = \"o3\" # keep me\n"), text);

        String listed = mcp("list", "--json").out();
        assertTrue(listed.startsWith("[\n  {\n    \"name\": \"docs\",\n"), "indented as Codex does: " + listed);
        JsonNode list = new ObjectMapper().readTree(listed);
        assertEquals(2, list.size(), list.toString());
        JsonNode docs = list.get(0);
        assertEquals("docs", docs.path("name").asText());
        assertEquals("stdio", docs.path("transport").path("type").asText());
        assertEquals("npx", docs.path("transport").path("command").asText());
        assertEquals("[\"-y\",\"server\",\"--flag\"]", docs.path("transport").path("args").toString());
        assertEquals("x=y", docs.path("transport").path("env").path("B").asText());
        assertEquals("unsupported", docs.path("auth_status").asText());
        JsonNode web = list.get(1);
        assertEquals("streamable_http", web.path("transport").path("type").asText());
        assertEquals("TOK", web.path("transport").path("bearer_token_env_var").asText());
        assertEquals("bearer_token", web.path("auth_status").asText());

        String table = mcp("list").out();
        assertTrue(table.contains("docs  npx      -y server --flag  A=*****, B=*****"), table);
        assertFalse(table.contains("x=y"), "env values are masked: " + table);
        assertTrue(table.contains("https://x.example/mcp"), table);

        JsonNode get = new ObjectMapper().readTree(mcp("get", "web", "--json").out());
        assertEquals("https://x.example/mcp", get.path("transport").path("url").asText());
        assertTrue(get.has("enabled_tools"));
        assertTrue(mcp("get", "docs").out().contains("  command: npx"));

        Cli rm = mcp("remove", "web");
        assertEquals(0, rm.code(), rm.err());
        assertEquals("Removed global MCP server 'web'.\n", rm.out());
        assertFalse(Files.readString(config).contains("x.example"));
        assertTrue(Files.readString(config).startsWith("# my settings\n"));
        assertEquals(1, new ObjectMapper().readTree(mcp("list", "--json").out()).size());
    }

    @Test
    void addReplacesAnExistingServerOfTheSameName() throws Exception {
        assertEquals(0, mcp("add", "s", "--", "old-cmd").code());
        assertEquals(0, mcp("add", "s", "--url", "http://127.0.0.1:9/mcp").code());
        String text = Files.readString(home.resolve("config.toml"));
        assertFalse(text.contains("old-cmd"), text);
        assertTrue(text.contains("url = \"http://127.0.0.1:9/mcp\""), text);
    }

    @Test
    void dottedNamesAreQuotedKeys() throws Exception {
        assertEquals(0, mcp("add", "a.b", "--", "x").code());
        assertEquals("a.b", new ObjectMapper().readTree(mcp("list", "--json").out()).get(0).path("name").asText());
        assertEquals(0, mcp("remove", "a.b").code());
        assertEquals(0, new ObjectMapper().readTree(mcp("list", "--json").out()).size());
    }

    @Test
    void badAddsAreUsageErrorsAndWriteNothing() {
        assertEquals(2, mcp("add", "x").code());
        assertEquals(2, mcp("add", "bad name", "--", "x").code());
        assertEquals(2, mcp("add", "x", "--url", "http://a", "--", "cmd").code());
        Cli env = mcp("add", "x", "--url", "http://a", "--env", "A=1");
        assertEquals(2, env.code());
        assertTrue(env.err().contains("--env is only valid with stdio servers"), env.err());
        assertEquals(2, mcp("add", "x", "--bearer-token-env-var", "T", "--", "cmd").code());
        assertFalse(Files.exists(home.resolve("config.toml")));
    }

    @Test
    void missingServers() {
        Cli empty = mcp("list");
        assertEquals(0, empty.code());
        assertTrue(empty.out().contains("No MCP servers configured yet"), empty.out());
        assertEquals("[]", mcp("list", "--json").out().strip());
        Cli get = mcp("get", "nope");
        assertEquals(1, get.code());
        assertTrue(get.err().contains("No MCP server named 'nope' found."), get.err());
        Cli rm = mcp("remove", "nope");
        assertEquals(0, rm.code());
        assertTrue(rm.out().contains("No MCP server named 'nope' found."), rm.out());
    }

    @Test
    void listSeesDashCOverrides() throws Exception {
        Cli r = Cli.run(home, "", "-c", "mcp_servers.tmp.command=\"echo\"", "mcp", "list", "--json");
        assertEquals("tmp", new ObjectMapper().readTree(r.out()).get(0).path("name").asText(), r.out() + r.err());
    }
}
